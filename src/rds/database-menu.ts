import { type Incident, incidentId } from '../incidents/index.ts';
import type { Button, KnownBlock, Overflow } from '../slack/block-kit.ts';
import { ACTION_IDS } from '../slack/ids.ts';
import { DEFAULT_LOG_LINES } from './log-tail.ts';
import { targetText } from './rds-check-text.ts';
import { rdsTargetOf } from './rds-target.ts';

/** What the card's Database menu offers: `/incident rds` status, check, logs and snapshot. */
export const DATABASE_CHOICES = ['status', 'check', 'logs', 'snapshot'] as const;
export type DatabaseChoice = (typeof DATABASE_CHOICES)[number];

const LABELS: Record<DatabaseChoice, string> = {
  status: 'Database status',
  check: 'Database check (✓/✗)',
  logs: `Database logs (last ${DEFAULT_LOG_LINES} lines)`,
  snapshot: 'Take a snapshot…',
};

/**
 * An option's value names the incident and version the card showed, and the choice
 * (`{"seq":7,"v":3,"do":"check"}`): an overflow has no value of its own.
 */
export function databaseChoiceValue(incident: Incident, choice: DatabaseChoice): string {
  return JSON.stringify({ seq: incident.seq, v: incident.version, do: choice });
}

/**
 * The card's way to `/incident rds`, for an incident about an RDS database: an overflow menu (one
 * element, so the card stays short) with status, check, logs and snapshot. A snapshot incident
 * can only be checked, and an overflow needs two options, so it gets a Check snapshot button.
 * Slack's confirm dialog belongs to the whole overflow, not an option, so Snapshot asks in a reply
 * instead (buildSnapshotPrompt), and reading never asks.
 */
export function buildDatabaseControl(incident: Incident): Button | Overflow | undefined {
  const target = rdsTargetOf(incident.resource);
  if (!target) return undefined;
  if (target.kind === 'snapshot') {
    return {
      type: 'button',
      action_id: ACTION_IDS.checkDatabase,
      text: { type: 'plain_text', text: 'Check snapshot' },
      value: JSON.stringify({ seq: incident.seq, v: incident.version }),
    };
  }
  return {
    type: 'overflow',
    action_id: ACTION_IDS.databaseMenu,
    options: DATABASE_CHOICES.map((choice) => ({
      text: { type: 'plain_text', text: LABELS[choice] },
      value: databaseChoiceValue(incident, choice),
    })),
  };
}

/**
 * The menu's Snapshot, answered to the clicker alone: what will happen, and the button that does
 * it. A snapshot costs storage and cannot be undone from Slack, so it is never one click.
 */
export function buildSnapshotPrompt(incident: Incident): { text: string; blocks: KnownBlock[] } {
  const target = rdsTargetOf(incident.resource);
  const what = target ? targetText(target) : 'its database';
  const text =
    `*${incidentId(incident.seq)}* · Take a manual snapshot of ${what} now? It is named after the ` +
    `incident and the minute, goes on the timeline, and warroom reports in the card's thread when it is available.`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ACTION_IDS.takeSnapshot,
            style: 'primary',
            text: { type: 'plain_text', text: 'Take snapshot' },
            value: JSON.stringify({ seq: incident.seq, v: incident.version }),
          },
        ],
      },
    ],
  };
}
