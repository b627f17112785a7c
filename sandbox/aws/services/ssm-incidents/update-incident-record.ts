import type { UpdateIncidentRecordInput, UpdateIncidentRecordOutput } from '@aws-sdk/client-ssm-incidents';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { once, requireIncident } from './incidents-errors.ts';

/**
 * UpdateIncidentRecord (204): changes only the members sent. RESOLVED stamps resolvedTime, OPEN
 * clears it; `chatChannel: { empty: {} }` removes the channel.
 */
export function updateIncidentRecord(
  raw: Record<string, unknown>,
  context: HandlerContext,
): UpdateIncidentRecordOutput {
  const input = validatedInput<UpdateIncidentRecordInput>(raw);
  return once(context, 'UpdateIncidentRecord', raw, () => {
    const record = requireIncident(context, input.arn ?? '');
    const now = context.clock.now();
    if (input.title !== undefined) record.title = input.title;
    if (input.summary !== undefined) record.summary = input.summary;
    if (input.impact !== undefined) record.impact = input.impact;
    if (input.status !== undefined && input.status !== record.status) {
      record.status = input.status;
      record.resolvedTime = input.status === 'RESOLVED' ? now : undefined;
    }
    if (input.chatChannel !== undefined) {
      record.chatChannel = input.chatChannel.empty !== undefined ? undefined : input.chatChannel;
    }
    if (input.notificationTargets !== undefined) record.notificationTargets = input.notificationTargets;
    record.lastModifiedTime = now;
    record.lastModifiedBy = context.state.incidents.callerArn;
    return {};
  });
}
