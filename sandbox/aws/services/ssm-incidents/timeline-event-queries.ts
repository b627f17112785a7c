import type {
  GetTimelineEventOutput,
  ListTimelineEventsInput,
  ListTimelineEventsOutput,
} from '@aws-sdk/client-ssm-incidents';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { invalidNextToken, requireIncident, resourceNotFound } from './incidents-errors.ts';
import type { TimelineEventRecord } from './incidents-state.ts';
import { checkFilters, matchesFilters } from './record-filters.ts';

const KEYS = { eventTime: 'time', eventType: 'string', eventReference: 'string' } as const;

function readField(event: TimelineEventRecord) {
  const references = (event.eventReferences ?? []).flatMap((ref) => [ref.resource, ref.relatedItemId]);
  return (key: string) =>
    ({
      eventTime: event.eventTime,
      eventType: event.eventType,
      eventReference: references.filter((value): value is string => value !== undefined),
    })[key];
}

/**
 * ListTimelineEvents: summaries only (no eventData, as in AWS). Sorted by eventTime, ascending
 * unless sortOrder says DESCENDING (AWS documents no default; chronological reads naturally).
 */
export function listTimelineEvents(
  raw: Record<string, unknown>,
  context: HandlerContext,
): ListTimelineEventsOutput {
  const input = validatedInput<ListTimelineEventsInput>(raw);
  const record = requireIncident(context, input.incidentRecordArn ?? '');
  checkFilters(input.filters, KEYS);
  const direction = input.sortOrder === 'DESCENDING' ? -1 : 1;
  const events = record.timeline
    .filter((event) => matchesFilters(input.filters, readField(event), KEYS))
    .sort((a, b) => direction * (a.eventTime.getTime() - b.eventTime.getTime()));
  const page = paginate(events, {
    pageSize: input.maxResults ?? 100,
    token: input.nextToken,
    listing: `timeline:${record.arn}:${JSON.stringify(input.filters ?? [])}:${direction}`,
    invalidToken: invalidNextToken,
  });
  return {
    eventSummaries: page.items.map(({ eventData: _omitted, ...summary }) => summary),
    nextToken: page.nextToken,
  };
}

export function getTimelineEvent(
  input: Record<string, unknown>,
  context: HandlerContext,
): GetTimelineEventOutput {
  const record = requireIncident(context, String(input.incidentRecordArn));
  const event = record.timeline.find((candidate) => candidate.eventId === input.eventId);
  if (!event) throw resourceNotFound('TIMELINE_EVENT', String(input.eventId));
  return { event };
}
