import type { GetOpsItemRequest, GetOpsItemResponse, OpsItemStatus } from '@aws-sdk/client-ssm';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { requireOpsItem } from './ops-items.ts';

/** GetOpsItem: the whole OpsItem of the caller's account, operational data included. */
export function getOpsItem(raw: Record<string, unknown>, context: HandlerContext): GetOpsItemResponse {
  const input = validatedInput<GetOpsItemRequest>(raw);
  const item = requireOpsItem(context, input.OpsItemId ?? '');
  return {
    OpsItem: {
      OpsItemId: item.id,
      OpsItemType: '/aws/issue',
      Title: item.title,
      Description: item.description,
      Source: item.source,
      Status: item.status as OpsItemStatus,
      ...(item.severity !== undefined ? { Severity: item.severity } : {}),
      ...(item.priority !== undefined ? { Priority: item.priority } : {}),
      ...(item.category !== undefined ? { Category: item.category } : {}),
      OperationalData: item.operationalData,
      RelatedOpsItems: item.relatedOpsItems.map((id) => ({ OpsItemId: id })),
      CreatedBy: item.createdBy,
      CreatedTime: item.createdTime,
      LastModifiedBy: item.lastModifiedBy,
      LastModifiedTime: item.lastModifiedTime,
      Version: String(item.version),
      OpsItemArn: `arn:aws:ssm:${context.region}:${context.accountId}:opsitem/${item.id}`,
    },
  };
}
