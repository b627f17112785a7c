import { slackTime } from '../slack/mrkdwn.ts';
import type { Snooze } from './incident.ts';

/** `💤 Snoozed until 14:30 by @alice: …`, as the card and the page DM say it. */
export function snoozeLine(snooze: Snooze): string {
  return `💤 Snoozed until ${slackTime(snooze.until)} by <@${snooze.by}>: no escalation or reminders until then.`;
}

/** `💤 snoozed until 14:30 by @alice`: the short form for a line that says other things too. */
export function snoozeMark(snooze: Snooze): string {
  return `💤 snoozed until ${slackTime(snooze.until)} by <@${snooze.by}>`;
}
