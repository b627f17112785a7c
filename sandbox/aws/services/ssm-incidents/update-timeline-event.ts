import type { UpdateTimelineEventInput, UpdateTimelineEventOutput } from '@aws-sdk/client-ssm-incidents';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { USER_EVENT_TYPES } from './create-timeline-event.ts';
import { once, requireIncident, resourceNotFound, validationException } from './incidents-errors.ts';

/** UpdateTimelineEvent (204): changes the members sent and stamps eventUpdatedTime. */
export function updateTimelineEvent(
  raw: Record<string, unknown>,
  context: HandlerContext,
): UpdateTimelineEventOutput {
  const input = validatedInput<UpdateTimelineEventInput>(raw);
  return once(context, 'UpdateTimelineEvent', raw, () => {
    const record = requireIncident(context, input.incidentRecordArn ?? '');
    const event = record.timeline.find((candidate) => candidate.eventId === input.eventId);
    if (!event) throw resourceNotFound('TIMELINE_EVENT', input.eventId ?? '');
    if (input.eventType !== undefined && !USER_EVENT_TYPES.includes(input.eventType)) {
      throw validationException(`eventType must be one of: ${USER_EVENT_TYPES.join(', ')}`);
    }
    if (input.eventTime !== undefined) event.eventTime = input.eventTime;
    if (input.eventType !== undefined) event.eventType = input.eventType;
    if (input.eventData !== undefined) event.eventData = input.eventData;
    if (input.eventReferences !== undefined) event.eventReferences = input.eventReferences;
    event.eventUpdatedTime = context.clock.now();
    return {};
  });
}
