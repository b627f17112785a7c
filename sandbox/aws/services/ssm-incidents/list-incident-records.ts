import type { ListIncidentRecordsInput, ListIncidentRecordsOutput } from '@aws-sdk/client-ssm-incidents';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { invalidNextToken } from './incidents-errors.ts';
import type { IncidentRecordState } from './incidents-state.ts';
import { checkFilters, matchesFilters } from './record-filters.ts';

const KEYS = { creationTime: 'time', impact: 'integer', status: 'string', createdBy: 'string' } as const;

function readField(record: IncidentRecordState) {
  return (key: string) =>
    ({
      creationTime: record.creationTime,
      impact: record.impact,
      status: record.status,
      createdBy: record.source.createdBy,
    })[key];
}

/** ListIncidentRecords: newest first, filtered by status / impact / creationTime / createdBy. */
export function listIncidentRecords(
  raw: Record<string, unknown>,
  context: HandlerContext,
): ListIncidentRecordsOutput {
  const input = validatedInput<ListIncidentRecordsInput>(raw);
  checkFilters(input.filters, KEYS);
  const matching = [...context.state.incidents.incidentRecords.values()]
    .filter((record) => matchesFilters(input.filters, readField(record), KEYS))
    .sort((a, b) => b.creationTime.getTime() - a.creationTime.getTime());
  const page = paginate(matching, {
    pageSize: input.maxResults ?? 100,
    token: input.nextToken,
    listing: `records:${JSON.stringify(input.filters ?? [])}`,
    invalidToken: invalidNextToken,
  });
  return {
    incidentRecordSummaries: page.items.map((record) => ({
      arn: record.arn,
      title: record.title,
      status: record.status,
      impact: record.impact,
      creationTime: record.creationTime,
      resolvedTime: record.resolvedTime,
      incidentRecordSource: record.source,
    })),
    nextToken: page.nextToken,
  };
}
