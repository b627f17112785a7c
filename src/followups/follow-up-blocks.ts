import { incidentId } from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { ACTION_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, mrkdwnLink, truncate } from '../slack/mrkdwn.ts';
import type { FollowUp } from '../store/follow-up-store.ts';
import { isOverdue } from './due-date.ts';
import { opsItemUrl } from './ops-item-draft.ts';

/** Which list a Done/Reopen button sits in, so the click redraws that list. */
export type FollowUpScope =
  | { kind: 'incident'; seq: number }
  | { kind: 'mine' }
  | { kind: 'open' }
  | { kind: 'home' };

/** A Slack message holds 50 blocks: one for the heading, one for "…and N more". */
const MAX_LISTED = 40;

export function scopeText(scope: FollowUpScope): string {
  return scope.kind === 'incident' ? `seq:${scope.seq}` : scope.kind;
}

export function readScope(text: string): FollowUpScope | undefined {
  if (text === 'mine' || text === 'open' || text === 'home') return { kind: text };
  const match = /^seq:(\d+)$/.exec(text);
  return match ? { kind: 'incident', seq: Number(match[1]) } : undefined;
}

/** The button's value: the follow-up and the list it is in. */
export const buttonValue = (id: string, scope: FollowUpScope): string => `${id}|${scopeText(scope)}`;

/** One follow-up as a line: status, title, incident, owner, due (overdue marked), its OpsItem. */
export function followUpLine(followUp: FollowUp, now: Date, region: string): string {
  const mark = followUp.status === 'done' ? '✅' : '⬜';
  const parts = [
    `${mark} *${escapeMrkdwn(truncate(followUp.title, 300))}*`,
    incidentId(followUp.seq),
    followUp.owner ? `owner <@${followUp.owner}>` : 'no owner',
    followUp.due
      ? `due ${followUp.due}${followUp.status === 'open' && isOverdue(followUp.due, now) ? ' ⚠️ overdue' : ''}`
      : undefined,
    followUp.status === 'done'
      ? `done${followUp.doneBy ? ` by <@${followUp.doneBy}>` : ' in OpsCenter'}`
      : undefined,
    followUp.opsItemId ? mrkdwnLink(opsItemUrl(followUp.opsItemId, region), followUp.opsItemId) : undefined,
  ];
  return parts.filter((part): part is string => part !== undefined).join(' · ');
}

function followUpSection(followUp: FollowUp, scope: FollowUpScope, now: Date, region: string): KnownBlock {
  const done = followUp.status === 'done';
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: followUpLine(followUp, now, region) },
    accessory: {
      type: 'button',
      action_id: done ? ACTION_IDS.followUpReopen : ACTION_IDS.followUpDone,
      text: { type: 'plain_text', text: done ? 'Reopen' : 'Done' },
      value: buttonValue(followUp.id, scope),
    },
  };
}

/** The heading of a list, e.g. "Follow-ups of INC-4" or "Your open follow-ups". */
export function listHeading(scope: FollowUpScope): string {
  if (scope.kind === 'incident') return `Follow-ups of ${incidentId(scope.seq)}`;
  if (scope.kind === 'mine') return 'Your open follow-ups';
  if (scope.kind === 'home') return 'Your follow-ups';
  return 'Open follow-ups';
}

/** `/incident followups …` (and the message a Done/Reopen click redraws): one line and button each. */
export function buildFollowUpList(
  followUps: readonly FollowUp[],
  scope: FollowUpScope,
  now: Date,
  region: string,
): { text: string; blocks: KnownBlock[] } {
  const heading = listHeading(scope);
  const open = followUps.filter((followUp) => followUp.status === 'open').length;
  const summary =
    followUps.length === 0
      ? `${heading}: none.`
      : `${heading}: ${open} open, ${followUps.length - open} done.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${summary}*` } }];
  for (const followUp of followUps.slice(0, MAX_LISTED))
    blocks.push(followUpSection(followUp, scope, now, region));
  if (followUps.length > MAX_LISTED) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${followUps.length - MAX_LISTED} more.` }],
    });
  }
  return { text: summary, blocks };
}

/** App Home's "Your follow-ups": the person's open ones, with Done buttons, in at most `room` blocks. */
export function buildHomeFollowUps(
  followUps: readonly FollowUp[],
  now: Date,
  region: string,
  room: number,
): KnownBlock[] {
  if (followUps.length === 0 || room < 4) return [];
  const scope: FollowUpScope = { kind: 'home' };
  const shown = followUps.slice(0, Math.min(10, room - 3));
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Your follow-ups' } },
    ...shown.map((followUp) => followUpSection(followUp, scope, now, region)),
  ];
  if (shown.length < followUps.length) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `…and ${followUps.length - shown.length} more: \`/incident followups mine\`.`,
        },
      ],
    });
  }
  blocks.push({ type: 'divider' });
  return blocks;
}
