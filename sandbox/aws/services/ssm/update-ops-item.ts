import type { UpdateOpsItemRequest, UpdateOpsItemResponse } from '@aws-sdk/client-ssm';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import {
  callerArn,
  checkOperationalData,
  checkRelated,
  checkSeverity,
  ISSUE_STATUSES,
  requireOpsItem,
} from './ops-items.ts';
import { ssmError } from './ssm-errors.ts';

/**
 * UpdateOpsItem on an OpsItem of the caller's account: status (Open, InProgress or Resolved for
 * an issue), title, description, severity, priority, category, operational data added or deleted
 * (the `/aws/dedup` string cannot change), related OpsItems replaced.
 */
export function updateOpsItem(raw: Record<string, unknown>, context: HandlerContext): UpdateOpsItemResponse {
  const input = validatedInput<UpdateOpsItemRequest>(raw);
  const item = requireOpsItem(context, input.OpsItemId ?? '');
  if (input.Status !== undefined && !ISSUE_STATUSES.has(input.Status)) {
    throw ssmError(
      'OpsItemInvalidParameterException',
      `Status ${input.Status} is not valid for this OpsItem.`,
      {
        ParameterNames: ['Status'],
      },
    );
  }
  checkOperationalData(input.OperationalData);
  checkSeverity(input.Severity);
  const touchesDedup =
    input.OperationalData?.['/aws/dedup'] !== undefined ||
    (input.OperationalDataToDelete ?? []).includes('/aws/dedup');
  if (touchesDedup && item.dedupString !== undefined) {
    throw ssmError(
      'OpsItemInvalidParameterException',
      'The deduplication string of an OpsItem cannot change.',
      {
        ParameterNames: ['OperationalData'],
      },
    );
  }
  const related =
    input.RelatedOpsItems !== undefined ? checkRelated(context, input.RelatedOpsItems) : undefined;
  if (input.Status !== undefined) item.status = input.Status;
  if (input.Title !== undefined) item.title = input.Title;
  if (input.Description !== undefined) item.description = input.Description;
  if (input.Severity !== undefined) item.severity = input.Severity;
  if (input.Priority !== undefined) item.priority = input.Priority;
  if (input.Category !== undefined) item.category = input.Category;
  if (related !== undefined) item.relatedOpsItems = related;
  for (const key of input.OperationalDataToDelete ?? []) delete item.operationalData[key];
  Object.assign(item.operationalData, input.OperationalData ?? {});
  item.lastModifiedBy = callerArn(context);
  item.lastModifiedTime = context.clock.now();
  item.version += 1;
  return {};
}
