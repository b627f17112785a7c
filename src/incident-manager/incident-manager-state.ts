import type { Incident } from '../incidents/index.ts';
import { incidentManagerUrlFor } from '../incidents/index.ts';
import { escapeMrkdwn, mrkdwnLink, truncate } from '../slack/mrkdwn.ts';
import type { OutboxItem } from '../store/outbox.ts';

function writes(count: number): string {
  return `${count} write${count === 1 ? '' : 's'}`;
}

/**
 * Where an incident stands with Incident Manager, in one line: linked or not, and the writes still
 * owed to it (`unfinished`: pending and given-up items from the outbox, oldest first) with the error
 * that holds them up. Responders see here that the console lags, and why.
 */
export function describeIncidentManagerState(
  incident: Incident,
  unfinished: readonly OutboxItem[],
  region: string,
): string {
  const pending = unfinished.filter((item) => item.status === 'pending');
  const failed = unfinished.filter((item) => item.status === 'failed');
  const starting = pending.some((item) => item.write.kind === 'start-incident');
  const arn = incident.incidentManagerArn;
  const parts: string[] = [];
  if (arn) {
    parts.push(
      `linked: ${mrkdwnLink(incidentManagerUrlFor(arn, region), 'open record')} \`${escapeMrkdwn(arn)}\``,
    );
  } else if (starting) {
    parts.push('being started');
  } else if (unfinished.length === 0) {
    return "Incident Manager: not linked (warroom's own record only)";
  } else {
    parts.push('not linked');
  }
  if (pending.length > 0) parts.push(`${writes(pending.length)} pending`);
  if (failed.length > 0) parts.push(`${writes(failed.length)} given up`);
  if (unfinished.length === 0) parts.push('in sync');
  // The oldest unfinished write is the one being retried: its error is what holds the rest up.
  const error = unfinished.find((item) => item.lastError)?.lastError;
  const tail = error ? `, last error: ${escapeMrkdwn(truncate(error, 500))}` : '';
  return `Incident Manager: ${parts.join(' · ')}${tail}`;
}
