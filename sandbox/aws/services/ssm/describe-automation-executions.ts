import type {
  AutomationExecutionMetadata,
  DescribeAutomationExecutionsRequest,
  DescribeAutomationExecutionsResult,
} from '@aws-sdk/client-ssm';
import { loadServiceModel } from '../../model/service-model.ts';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { viewExecution } from './automation-progress.ts';
import { ssmError } from './ssm-errors.ts';
import type { AutomationExecutionRecord } from './ssm-state.ts';

interface Listed {
  record: AutomationExecutionRecord;
  status: string;
  metadata: AutomationExecutionMetadata;
}

/** The filters the emulator answers; SSM's others (TagKey, CurrentAction, …) are refused, not ignored. */
const FILTERS: Record<string, (listed: Listed, values: string[]) => boolean> = {
  DocumentNamePrefix: (listed, values) =>
    values.some((prefix) => listed.record.runbook.name.startsWith(prefix)),
  ExecutionStatus: (listed, values) => values.includes(listed.status),
  ExecutionId: (listed, values) => values.includes(listed.record.id),
};

const STATUSES = new Set(loadServiceModel('ssm').shapes['AutomationExecutionStatus']?.enum ?? []);

/**
 * DescribeAutomationExecutions: every execution, newest first, narrowed by DocumentNamePrefix,
 * ExecutionStatus (one of SSM's statuses, else InvalidFilterValue) and ExecutionId; values of one
 * key are alternatives, keys all apply. Status as of the injected clock's now.
 */
export function describeAutomationExecutions(
  raw: Record<string, unknown>,
  context: HandlerContext,
): DescribeAutomationExecutionsResult {
  const input = validatedInput<DescribeAutomationExecutionsRequest>(raw);
  const now = context.clock.now();
  let listed: Listed[] = [...context.state.ssm.executions.values()]
    .filter((record) => record.accountId === context.accountId)
    .sort((a, b) => b.startTime.getTime() - a.startTime.getTime() || b.id.localeCompare(a.id))
    .map((record) => {
      const view = viewExecution(record, now);
      return {
        record,
        status: view.status,
        metadata: {
          AutomationExecutionId: record.id,
          DocumentName: record.runbook.name,
          DocumentVersion: '1',
          AutomationExecutionStatus: view.status,
          ExecutionStartTime: record.startTime,
          ExecutionEndTime: view.end,
          ExecutedBy: context.state.ssm.executedBy,
          Mode: record.mode,
          AutomationType: 'Local',
          CurrentStepName: view.current?.name,
          CurrentAction: view.current?.action,
        },
      };
    });
  for (const filter of input.Filters ?? []) {
    const key = filter.Key ?? '';
    const matches = FILTERS[key];
    if (!matches) throw ssmError('InvalidFilterKey', `Filter key ${key} is not supported by the emulator.`);
    const values = filter.Values ?? [];
    const unknown = key === 'ExecutionStatus' ? values.find((value) => !STATUSES.has(value)) : undefined;
    if (unknown !== undefined)
      throw ssmError('InvalidFilterValue', `The filter value ${unknown} is not valid.`);
    listed = listed.filter((entry) => matches(entry, values));
  }
  const page = paginate(listed, {
    pageSize: input.MaxResults ?? 50,
    token: input.NextToken,
    listing: `automation-executions:${JSON.stringify(input.Filters ?? [])}`,
    invalidToken: () => ssmError('InvalidNextToken', 'The specified token is not valid.'),
  });
  return {
    AutomationExecutionMetadataList: page.items.map((entry) => entry.metadata),
    NextToken: page.nextToken,
  };
}
