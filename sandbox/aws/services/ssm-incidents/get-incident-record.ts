import type { GetIncidentRecordOutput } from '@aws-sdk/client-ssm-incidents';
import type { HandlerContext } from '../../service-definition.ts';
import { requireIncident } from './incidents-errors.ts';

export function getIncidentRecord(
  input: Record<string, unknown>,
  context: HandlerContext,
): GetIncidentRecordOutput {
  const record = requireIncident(context, String(input.arn));
  return {
    incidentRecord: {
      arn: record.arn,
      title: record.title,
      summary: record.summary,
      status: record.status,
      impact: record.impact,
      creationTime: record.creationTime,
      resolvedTime: record.resolvedTime,
      lastModifiedTime: record.lastModifiedTime,
      lastModifiedBy: record.lastModifiedBy,
      dedupeString: record.dedupeString,
      incidentRecordSource: record.source,
      chatChannel: record.chatChannel,
      notificationTargets: record.notificationTargets,
      automationExecutions: record.automationExecutions,
    },
  };
}
