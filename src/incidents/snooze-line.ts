import { slackTime } from '../slack/mrkdwn.ts';
import type { Snooze } from './incident.ts';

/** `💤 Snoozed until 14:30 by @alice: …`, as the card and the page DM say it. */
export function snoozeLine(snooze: Snooze): string {
  return `💤 Snoozed until ${slackTime(snooze.until)} by <@${snooze.by}>: no escalation or reminders until then.`;
}
