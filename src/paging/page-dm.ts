import { type Accounts, describeAccount } from '../accounts/index.ts';
import type { Incident } from '../incidents/index.ts';
import {
  impactLabel,
  incidentButtonValue,
  incidentId,
  incidentStatusText,
  snoozeLine,
} from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { ACTION_IDS, BLOCK_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, slackDate, truncate } from '../slack/mrkdwn.ts';
import { type PageReason, reasonText } from './page-message.ts';

/** How long the DM's Snooze button snoozes: long enough to look, short enough to come back. */
export const SNOOZE_BUTTON_MINUTES = 30;

type Button = { text: string; actionId: string; primary?: boolean };

function actions(incident: Incident, buttons: readonly Button[]): KnownBlock {
  const value = incidentButtonValue(incident);
  return {
    type: 'actions',
    block_id: BLOCK_IDS.pageActions,
    elements: buttons.map((button) => ({
      type: 'button',
      action_id: button.actionId,
      ...(button.primary ? { style: 'primary' } : {}),
      text: { type: 'plain_text', text: button.text },
      value,
    })),
  };
}

const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/**
 * The DM to one paged person. While the incident is open: what it is and why they are paged, with
 * Acknowledge / Take it / Snooze. Once someone acknowledged it, the page is a request for help: who
 * asked (for a page by hand), who is on it and who owns it, with Join and Open incident (and Snooze,
 * which pauses reminders, until it is mitigated). A running snooze is said instead of offering
 * another. Resolved: who resolved it and when, and no buttons.
 */
export function buildPageDm(
  incident: Incident,
  reason: PageReason,
  now?: Date,
  /** The storm member this DM first paged for, when it now shows the member's storm. */
  memberSeq?: number,
  /** `accounts:`: the account by name. */
  accounts?: Accounts,
): { text: string; blocks: KnownBlock[] } {
  const page = buildDm(incident, reason, now, accounts);
  if (memberSeq === undefined) return page;
  const joined = `${incidentId(memberSeq)} is now part of storm ${incidentId(incident.seq)}`;
  return {
    text: `${joined}: ${page.text}`,
    blocks: [context(`:cloud_with_lightning: *${joined}*: act on the storm here.`), ...page.blocks],
  };
}

function buildDm(
  incident: Incident,
  reason: PageReason,
  now?: Date,
  accounts?: Accounts,
): { text: string; blocks: KnownBlock[] } {
  const id = incidentId(incident.seq);
  const title = truncate(escapeMrkdwn(incident.title), 200);
  const where = describeAccount(incident, accounts);
  // The account travels with the impact, so every form of the DM says where the problem is.
  const impact = `${impactLabel(incident.impact)}${where ? ` · ${escapeMrkdwn(where)}` : ''}`;
  const section = (text: string): KnownBlock => ({
    type: 'section',
    block_id: BLOCK_IDS.pageSummary,
    text: { type: 'mrkdwn', text },
  });
  // One snooze at a time: while it runs, the DM says so instead of offering another.
  const { snooze } = incident;
  const snoozeButton: Button[] = snooze
    ? []
    : [{ text: `Snooze ${SNOOZE_BUTTON_MINUTES} min`, actionId: ACTION_IDS.snoozeIncident }];
  if (incident.status === 'open') {
    return {
      text: `You are paged for ${id}: ${incident.title}`,
      blocks: [
        section(
          `:rotating_light: *${id}: ${title}*\n${impact} · ${incident.status} · ${reasonText(incident, reason, now)}`,
        ),
        ...(snooze ? [context(snoozeLine(snooze))] : []),
        actions(incident, [
          { text: 'Acknowledge', actionId: ACTION_IDS.acknowledge, primary: true },
          { text: 'Take it', actionId: ACTION_IDS.takeIncident },
          ...snoozeButton,
        ]),
      ],
    };
  }
  if (incident.status === 'resolved') {
    const at = incident.resolvedAt ?? incident.updatedAt;
    return {
      text: `${id} is resolved: ${incident.title}`,
      blocks: [
        section(`:white_check_mark: *${id}: ${title}*\n${impact}`),
        context(`${incidentStatusText(incident)} · ${slackDate(at)}. Nothing more to do here.`),
      ],
    };
  }
  const headline =
    reason.kind === 'manual'
      ? `:raising_hand: <@${reason.by}> asks you to join *${id} · ${impact} · ${title}*`
      : `:raising_hand: *${id} · ${impact} · ${title}* could use your help`;
  return {
    text:
      reason.kind === 'manual'
        ? `<@${reason.by}> asks you to join ${id} · ${impact} · ${incident.title}`
        : `${id} could use your help: ${incident.title}`,
    blocks: [
      section(headline),
      context(incidentStatusText(incident)),
      ...(snooze ? [context(snoozeLine(snooze))] : []),
      actions(incident, [
        { text: 'Join', actionId: ACTION_IDS.joinIncident, primary: true },
        { text: 'Open incident', actionId: ACTION_IDS.openIncident },
        // Reminders still run once it is acknowledged, and a snooze pauses them too; once it is
        // mitigated nothing is left to pause.
        ...(incident.status === 'acknowledged' ? snoozeButton : []),
      ]),
    ],
  };
}
