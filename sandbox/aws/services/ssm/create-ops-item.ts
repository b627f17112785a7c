import type { CreateOpsItemRequest, CreateOpsItemResponse } from '@aws-sdk/client-ssm';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import {
  callerArn,
  checkOperationalData,
  checkRelated,
  checkSeverity,
  newOpsItemId,
  readDedupString,
} from './ops-items.ts';
import { ssmError } from './ssm-errors.ts';

/**
 * CreateOpsItem: a new OpsItem, Open, in the caller's account. A `/aws/dedup` string that an
 * unresolved OpsItem of the account already carries is refused with OpsItemAlreadyExistsException
 * naming that OpsItem (OpsCenter's deduplication); the type, if given, must be `/aws/issue`.
 */
export function createOpsItem(raw: Record<string, unknown>, context: HandlerContext): CreateOpsItemResponse {
  const input = validatedInput<CreateOpsItemRequest>(raw);
  if (input.OpsItemType !== undefined && input.OpsItemType !== '/aws/issue') {
    throw ssmError('OpsItemInvalidParameterException', `OpsItemType ${input.OpsItemType} is not supported.`, {
      ParameterNames: ['OpsItemType'],
    });
  }
  checkOperationalData(input.OperationalData);
  checkSeverity(input.Severity);
  const related = checkRelated(context, input.RelatedOpsItems);
  const ssm = context.state.ssm;
  const dedupString = readDedupString(input.OperationalData?.['/aws/dedup']);
  if (dedupString !== undefined) {
    const existing = [...ssm.opsItems.values()].find(
      (item) =>
        item.accountId === context.accountId &&
        item.dedupString === dedupString &&
        item.status !== 'Resolved',
    );
    if (existing) {
      throw ssmError('OpsItemAlreadyExistsException', `OpsItem ${existing.id} already exists.`, {
        OpsItemId: existing.id,
      });
    }
  }
  const now = context.clock.now();
  const id = newOpsItemId();
  ssm.opsItems.set(id, {
    id,
    accountId: context.accountId,
    title: input.Title ?? '',
    description: input.Description ?? '',
    source: input.Source ?? '',
    status: 'Open',
    severity: input.Severity,
    priority: input.Priority,
    category: input.Category,
    operationalData: { ...input.OperationalData },
    relatedOpsItems: related,
    createdBy: callerArn(context),
    createdTime: now,
    lastModifiedBy: callerArn(context),
    lastModifiedTime: now,
    version: 1,
    dedupString,
  });
  return { OpsItemId: id, OpsItemArn: `arn:aws:ssm:${context.region}:${context.accountId}:opsitem/${id}` };
}
