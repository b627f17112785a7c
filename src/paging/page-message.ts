import {
  IMPACT_NAMES,
  type Incident,
  incidentButtonValue,
  incidentId,
  incidentStatusText,
} from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { ACTION_IDS, BLOCK_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, slackDate, truncate } from '../slack/mrkdwn.ts';
import { mentionOf, type NotifyTarget } from './policy.ts';

/** Why someone is paged: a stage of a policy, or a person's `/incident page` / button. */
export type PageReason =
  | { kind: 'stage'; policy: string; index: number; repeat: boolean }
  | { kind: 'manual'; by: string };

function reasonText(reason: PageReason): string {
  if (reason.kind === 'manual') return `paged by <@${reason.by}>`;
  const stage = `stage ${reason.index + 1} of escalation policy \`${reason.policy}\``;
  return reason.repeat ? `${stage} (repeated: still not acknowledged)` : stage;
}

/** Targets that paged nobody, and why: for the thread and for the person who paged. */
export interface PageMisses {
  /** Rotations with no one on call now. */
  nobody?: readonly string[];
  /** Rotations whose on-call could not be read. */
  failed?: readonly { rotation: string; reason: string }[];
  /** `contact:` targets SSM Contacts does not know (or could not be asked about). */
  unknownContacts?: readonly string[];
}

/** The card-thread message: who is paged and why, and which targets reached nobody. */
export function buildPageThreadText(
  incident: Incident,
  targets: readonly NotifyTarget[],
  reason: PageReason,
  misses: PageMisses = {},
): string {
  const { nobody = [], failed = [], unknownContacts = [] } = misses;
  const who = targets.map(mentionOf).join(', ') || 'nobody';
  const missing = nobody.length > 0 ? ` (nobody on call in ${nobody.map((r) => `\`${r}\``).join(', ')})` : '';
  const unread = failed
    .map(({ rotation, reason }) => `\nNobody was paged for rotation \`${rotation}\`: ${reason}.`)
    .join('');
  return `:rotating_light: ${who}: ${incidentId(incident.seq)} needs you, ${reasonText(reason)}${missing}. Acknowledge on the card or in your DM.${unread}${unknownContactsText(unknownContacts)}`;
}

/** Said wherever a page names contacts SSM Contacts could not give us. */
export function unknownContactsText(unknownContacts: readonly string[]): string {
  if (unknownContacts.length === 0) return '';
  const names = unknownContacts.map((target) => `\`${target}\``).join(', ');
  return `\nNo SSM Contacts contact was found for ${names}: check the alias or ARN (and warroom's ssm-contacts permissions), so nobody was engaged for it.`;
}

/**
 * The DM to one paged person: what the incident is, and Acknowledge / Take it while it is open.
 * Once someone acknowledged or resolved it, the buttons give way to who did it and when.
 */
export function buildPageDm(incident: Incident, reason: PageReason): { text: string; blocks: KnownBlock[] } {
  const id = incidentId(incident.seq);
  const title = truncate(escapeMrkdwn(incident.title), 200);
  const text = `You are paged for ${id}: ${incident.title}`;
  const value = incidentButtonValue(incident);
  const summary: KnownBlock = {
    type: 'section',
    block_id: BLOCK_IDS.pageSummary,
    text: {
      type: 'mrkdwn',
      text: `:rotating_light: *${id}: ${title}*\nImpact ${incident.impact} (${IMPACT_NAMES[incident.impact]}) · ${incident.status} · ${reasonText(reason)}`,
    },
  };
  const handled = handledText(incident);
  if (handled) {
    return { text, blocks: [summary, { type: 'context', elements: [{ type: 'mrkdwn', text: handled }] }] };
  }
  return {
    text,
    blocks: [
      summary,
      {
        type: 'actions',
        block_id: BLOCK_IDS.pageActions,
        elements: [
          {
            type: 'button',
            action_id: ACTION_IDS.acknowledge,
            style: 'primary',
            text: { type: 'plain_text', text: 'Acknowledge' },
            value,
          },
          {
            type: 'button',
            action_id: ACTION_IDS.takeIncident,
            text: { type: 'plain_text', text: 'Take it' },
            value,
          },
        ],
      },
    ],
  };
}

/** Who took care of it, for a DM that no longer needs its buttons; undefined while it is open. */
function handledText(incident: Incident): string | undefined {
  if (incident.status === 'open') return undefined;
  const at = incident.resolvedAt ?? incident.acknowledgedAt ?? incident.updatedAt;
  return `${incidentStatusText(incident)} · ${slackDate(at)}. Nothing more to do here.`;
}
