import { incidentId } from '../incidents/index.ts';
import { mrkdwnLink } from '../slack/mrkdwn.ts';
import type { FollowUp } from '../store/follow-up-store.ts';
import type { OpsCenterOutcome } from './follow-up-desk.ts';
import { opsItemUrl } from './ops-item-draft.ts';

/** What became of the OpsItem, as the end of a reply. */
export function opsCenterText(outcome: OpsCenterOutcome, region: string): string {
  switch (outcome.kind) {
    case 'tracked':
      return `tracked in OpsCenter as ${mrkdwnLink(opsItemUrl(outcome.opsItemId, region), outcome.opsItemId)}.`;
    case 'off':
      return 'kept in warroom.';
    case 'denied':
      return outcome.first
        ? 'kept in warroom only: AWS refused warroom the OpsCenter call (check that its role allows ssm:CreateOpsItem, ssm:UpdateOpsItem and ssm:GetOpsItem, or set followups.opsCenter: false).'
        : 'kept in warroom only (OpsCenter refused warroom).';
    case 'failed':
      return `kept in warroom; OpsCenter failed: ${outcome.message}`;
  }
}

/** The reply to a new follow-up (or to the same request seen again). */
export function createdText(
  followUp: FollowUp,
  created: boolean,
  outcome: OpsCenterOutcome,
  region: string,
): string {
  const who = followUp.owner ? `, owner <@${followUp.owner}>` : '';
  const due = followUp.due ? `, due ${followUp.due}` : '';
  const lead = created ? 'follow-up added' : 'that follow-up was already added';
  return `${incidentId(followUp.seq)}: ${lead}: “${followUp.title}”${who}${due}; ${opsCenterText(outcome, region)}`;
}

/** The reply to Done / Reopen. */
export function statusText(followUp: FollowUp, outcome: OpsCenterOutcome, region: string): string {
  const what = followUp.status === 'done' ? 'marked done' : 'reopened';
  const where =
    outcome.kind === 'tracked'
      ? `; OpsCenter ${mrkdwnLink(opsItemUrl(outcome.opsItemId, region), outcome.opsItemId)} updated.`
      : `; ${opsCenterText(outcome, region)}`;
  return `${incidentId(followUp.seq)}: follow-up “${followUp.title}” ${what}${where}`;
}
