import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type {
  ListRelatedItemsInput,
  ListRelatedItemsOutput,
  RelatedItem,
  UpdateRelatedItemsInput,
  UpdateRelatedItemsOutput,
} from '@aws-sdk/client-ssm-incidents';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import {
  conflictException,
  invalidNextToken,
  once,
  relatedItemNotFound,
  requireIncident,
  validationException,
} from './incidents-errors.ts';

/** The service assigns `related-item/<TYPE>/<32 upper-case hex>`. */
export function assignGeneratedId(item: RelatedItem): RelatedItem {
  const generatedId = `related-item/${item.identifier?.type}/${randomBytes(16).toString('hex').toUpperCase()}`;
  return { ...item, generatedId };
}

/**
 * UpdateRelatedItems (204): add or remove one item. Callers must not send generatedId when adding
 * (the service assigns it); adding an identical identifier twice is a ConflictException.
 */
export function updateRelatedItems(
  raw: Record<string, unknown>,
  context: HandlerContext,
): UpdateRelatedItemsOutput {
  const input = validatedInput<UpdateRelatedItemsInput>(raw);
  return once(context, 'UpdateRelatedItems', raw, () => {
    const record = requireIncident(context, input.incidentRecordArn ?? '');
    const update = input.relatedItemsUpdate;
    const toAdd = update?.itemToAdd;
    if (toAdd) {
      if (toAdd.generatedId !== undefined)
        throw validationException('generatedId is assigned by the service; do not send it');
      if (record.relatedItems.some((item) => isDeepStrictEqual(item.identifier, toAdd.identifier))) {
        throw conflictException('The related item already exists on this incident');
      }
      record.relatedItems.push(assignGeneratedId(toAdd));
    }
    const toRemove = update?.itemToRemove;
    if (toRemove) {
      const index = record.relatedItems.findIndex((item) => isDeepStrictEqual(item.identifier, toRemove));
      if (index < 0) throw relatedItemNotFound();
      record.relatedItems.splice(index, 1);
    }
    return {};
  });
}

export function listRelatedItems(
  raw: Record<string, unknown>,
  context: HandlerContext,
): ListRelatedItemsOutput {
  const input = validatedInput<ListRelatedItemsInput>(raw);
  const record = requireIncident(context, input.incidentRecordArn ?? '');
  const page = paginate(record.relatedItems, {
    pageSize: input.maxResults ?? 100,
    token: input.nextToken,
    listing: `related:${record.arn}`,
    invalidToken: invalidNextToken,
  });
  return { relatedItems: page.items, nextToken: page.nextToken };
}
