import { randomUUID } from 'node:crypto';
import type { CreateTimelineEventInput, CreateTimelineEventOutput } from '@aws-sdk/client-ssm-incidents';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { once, requireIncident, validationException } from './incidents-errors.ts';

/** The event types a caller may create; the others (`SSM Incident Record Update`, …) are the service's own. */
export const USER_EVENT_TYPES = ['Custom Event', 'Note'];

/** CreateTimelineEvent (201). eventData length (≤ 12000) is already enforced by the model. */
export function createTimelineEvent(
  raw: Record<string, unknown>,
  context: HandlerContext,
): CreateTimelineEventOutput {
  const input = validatedInput<CreateTimelineEventInput>(raw);
  return once(context, 'CreateTimelineEvent', raw, () => {
    const record = requireIncident(context, input.incidentRecordArn ?? '');
    if (!USER_EVENT_TYPES.includes(input.eventType ?? '')) {
      throw validationException(`eventType must be one of: ${USER_EVENT_TYPES.join(', ')}`);
    }
    const eventId = randomUUID();
    record.timeline.push({
      eventId,
      incidentRecordArn: record.arn,
      eventTime: input.eventTime ?? context.clock.now(),
      eventType: input.eventType ?? '',
      eventData: input.eventData ?? '',
      eventUpdatedTime: context.clock.now(),
      eventReferences: input.eventReferences,
    });
    return { eventId, incidentRecordArn: record.arn };
  });
}
