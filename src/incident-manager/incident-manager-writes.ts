import type { Incident, TimelineEntry } from '../incidents/index.ts';

/** What Incident Manager must be told after a change, queued with the change itself (an outbox). */
export type IncidentManagerWrite =
  | { kind: 'start-incident'; responsePlanArn: string; title: string; impact: number }
  | { kind: 'update-record'; arn: string; impact?: number; status?: 'OPEN' | 'RESOLVED'; summary?: string }
  | { kind: 'timeline-event'; arn: string; eventTime: string; eventData: string; resourceArn?: string }
  | {
      kind: 'related-item';
      arn: string;
      /** AUTOMATION: an SSM Automation execution, by its `automation-execution/<id>` ARN. */
      itemType: 'INVOLVED_RESOURCE' | 'OTHER' | 'AUTOMATION';
      value: { arn: string } | { url: string };
      title: string;
    };

/** Incident Manager keeps eventData within 12,000 characters, counted after JSON encoding. */
export const MAX_EVENT_DATA = 12_000;

/**
 * The event's words as warroom stores them: a person is a Slack mention, which the outbox names
 * ("Alice Archer") when it writes, with the rest of Slack's markup (IncidentManagerSync).
 */
function describe(entry: TimelineEntry): string {
  const who = entry.actor.startsWith('aws:')
    ? entry.actor.slice(4)
    : entry.actor === 'warroom'
      ? 'warroom itself'
      : /^[UW][A-Z0-9]+$/.test(entry.actor)
        ? `<@${entry.actor}>`
        : `Slack user ${entry.actor}`;
  const change = entry.from !== undefined && entry.to !== undefined ? ` (${entry.from} → ${entry.to})` : '';
  // A note is the person's own words, not an action: say so, or "Alice Archer the replica lags" reads oddly.
  const what =
    entry.kind === 'note'
      ? `added a note: ${entry.text}`
      : entry.kind === 'update'
        ? `posted an update: ${entry.text}`
        : entry.text;
  return `warroom: ${who} ${what}${change}`;
}

/** What a cut event says, so nobody takes it for the whole entry. */
export const CUT_MARK = " … (cut to fit Incident Manager: the whole entry is on warroom's timeline)";

/**
 * JSON-encodes text (as AWS's own examples do); text too long for the encoded form to fit is cut
 * and says so (CUT_MARK).
 */
export function encodeEventData(text: string): string {
  if (JSON.stringify(text).length <= MAX_EVENT_DATA) return JSON.stringify(text);
  let kept = text.length;
  let encoded = JSON.stringify(`${text}${CUT_MARK}`);
  while (encoded.length > MAX_EVENT_DATA) {
    kept = Math.max(0, kept - (encoded.length - MAX_EVENT_DATA));
    encoded = JSON.stringify(`${text.slice(0, kept).trimEnd()}${CUT_MARK}`);
  }
  return encoded;
}

/**
 * The writes that keep Incident Manager equal to warroom for an incident that lives there: one
 * timeline event per timeline entry (except those that came from Incident Manager itself), the
 * impact and status, and the affected resource as a related item when the link is first made.
 */
export function incidentManagerWrites(
  before: Incident | undefined,
  after: Incident,
  entry: TimelineEntry,
): IncidentManagerWrite[] {
  const arn = after.incidentManagerArn;
  if (!arn) return [];
  const writes: IncidentManagerWrite[] = [];
  if (!entry.actor.startsWith('aws:incident-manager')) {
    writes.push({
      kind: 'timeline-event',
      arn,
      eventTime: entry.at.toISOString(),
      eventData: encodeEventData(describe(entry)),
      resourceArn: after.resource?.arn,
    });
  }
  const update: Extract<IncidentManagerWrite, { kind: 'update-record' }> = { kind: 'update-record', arn };
  if (before && before.impact !== after.impact && after.impactSetBy === 'person')
    update.impact = after.impact;
  if (before && before.status !== after.status) {
    if (after.status === 'resolved') update.status = 'RESOLVED';
    else if (before.status === 'resolved') update.status = 'OPEN';
  }
  if (after.summary && after.summary !== before?.summary) update.summary = after.summary.slice(0, 8000);
  if (update.impact !== undefined || update.status || update.summary) writes.push(update);
  if (after.resource?.arn && !before?.incidentManagerArn) {
    writes.push({
      kind: 'related-item',
      arn,
      itemType: 'INVOLVED_RESOURCE',
      value: { arn: after.resource.arn },
      title: after.resource.id,
    });
  }
  if (after.slackPermalink && after.slackPermalink !== before?.slackPermalink) {
    writes.push({
      kind: 'related-item',
      arn,
      itemType: 'OTHER',
      value: { url: after.slackPermalink.slice(0, 1000) },
      title: `Slack: incident card ${`INC-${after.seq}`}`,
    });
  }
  if (after.review && after.review.url !== before?.review?.url) {
    writes.push({
      kind: 'related-item',
      arn,
      itemType: 'OTHER',
      value: { url: after.review.url.slice(0, 1000) },
      title: `Post-incident review INC-${after.seq}`,
    });
  }
  return writes;
}
