import { type Accounts, describeAccount } from '../accounts/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { SLASH_COMMAND, VIEW_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, mrkdwnLink, slackDate, truncate } from '../slack/mrkdwn.ts';
import { consoleUrlFor } from './console-links.ts';
import { formatDuration } from './duration-text.ts';
import { IMPACT_NAMES, type Impact } from './impact.ts';
import { type Incident, type IncidentStatus, incidentId } from './incident.ts';
import { ownerSuffix } from './incident-status-text.ts';
import { lifecycleDurations } from './lifecycle.ts';
import { orderForList, stormMembersText } from './list-order.ts';
import { snoozeMark } from './snooze-line.ts';

/** Slack refuses a Home tab view of more than 100 blocks. */
export const MAX_HOME_BLOCKS = 100;

const IMPACT_EMOJI: Record<Impact, string> = { 1: '🔴', 2: '🟠', 3: '🟡', 4: '🔵', 5: '⚪' };

const STATUS_LABELS: Record<IncidentStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

export interface HomeView {
  type: 'home';
  callback_id: string;
  blocks: KnownBlock[];
}

export interface AppHomeInput {
  /** Open (not resolved) incidents, in any order. */
  incidents: readonly Incident[];
  now: Date;
  /** Where new incident cards appear, named in the empty state. */
  alertChannel: string;
  /** `accounts:`: each incident's account by name. */
  accounts?: Accounts;
  /** Shown above the incidents (the person's follow-ups); counted against the 100-block limit. */
  before?: KnownBlock[];
}

/** "just now", "5m ago", "2h 5m ago", "3d 4h ago": how long before `now` `from` was, to the minute. */
export function formatAge(from: Date, now: Date): string {
  const minutes = Math.floor(Math.max(0, now.getTime() - from.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${minutes % 60}m ago`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h ago`;
}

/** " in 12 min": how long acknowledging took, from detection, when it is known. */
function acknowledgedIn(incident: Incident): string {
  const ms = lifecycleDurations(incident).toAcknowledge;
  return ms === undefined ? '' : ` in ${formatDuration(ms)}`;
}

function statusLine(incident: Incident): string {
  const status = STATUS_LABELS[incident.status];
  const snoozed = incident.snooze ? ` · ${snoozeMark(incident.snooze)}` : '';
  if (incident.acknowledgedBy)
    return `${status} · acknowledged by <@${incident.acknowledgedBy}>${acknowledgedIn(incident)}${ownerSuffix(incident)}${snoozed}`;
  return `${status} · not acknowledged yet${ownerSuffix(incident)}${snoozed}`;
}

function resourceText(incident: Incident): string | undefined {
  const resource = incident.resource;
  if (!resource) return undefined;
  const url = consoleUrlFor(resource);
  return url ? mrkdwnLink(url, resource.id) : escapeMrkdwn(resource.id);
}

function incidentSection(incident: Incident, now: Date, accounts?: Accounts): KnownBlock {
  const where = describeAccount(incident, accounts);
  const impact = `${IMPACT_EMOJI[incident.impact]} Impact ${incident.impact} (${IMPACT_NAMES[incident.impact]})`;
  const details = [
    `opened ${formatAge(incident.openedAt, now)}`,
    resourceText(incident),
    where === undefined ? undefined : escapeMrkdwn(where),
    stormMembersText(incident),
    incident.channelId ? `<#${incident.channelId}>` : undefined,
  ].filter((part): part is string => part !== undefined);
  const lines = [
    `*${incidentId(incident.seq)}* ${escapeMrkdwn(truncate(incident.title, 200))}`,
    `${impact} · ${statusLine(incident)}`,
    details.join(' · '),
  ];
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), 3000) } };
}

/**
 * The App Home tab: every open incident, worst impact first then newest (a storm as one line),
 * with impact, age, status, who acknowledged, a running snooze and the resource. Past what 100 blocks hold, the rest is counted and
 * `/incident list` named.
 */
export function buildAppHome(input: AppHomeInput): HomeView {
  const incidents = orderForList(input.incidents);
  const count = incidents.length;
  const blocks: KnownBlock[] = [
    ...(input.before ?? []),
    { type: 'header', text: { type: 'plain_text', text: 'Open incidents' } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${count === 0 ? 'None' : count} open · as of ${slackDate(input.now)} · reopen this tab to refresh`,
        },
      ],
    },
    { type: 'divider' },
  ];
  if (count === 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `No open incidents. 🎉\nNew ones appear here and as cards in <#${input.alertChannel}>; declare one with \`${SLASH_COMMAND} declare\`.`,
      },
    });
    return { type: 'home', callback_id: VIEW_IDS.appHome, blocks };
  }
  // Each incident takes a section and a divider; keep one block for the "more" line.
  const room = Math.floor((MAX_HOME_BLOCKS - blocks.length - 1) / 2);
  const shown = count > room ? incidents.slice(0, room) : incidents;
  for (const incident of shown)
    blocks.push(incidentSection(incident, input.now, input.accounts), { type: 'divider' });
  if (shown.length < count) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `…and ${count - shown.length} more open incidents; \`${SLASH_COMMAND} list\` shows them all.`,
        },
      ],
    });
  }
  return { type: 'home', callback_id: VIEW_IDS.appHome, blocks };
}
