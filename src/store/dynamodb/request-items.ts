import type { RunbookRequest } from '../../runbooks/index.ts';
import type { Item } from './dynamo-table.ts';
import { iso, REQUESTS_DUE, requestKey } from './keys.ts';
import { isBehind, optionalDate, optionalIso, type Stored } from './runbook-items.ts';

/** SQLite's rule: a pending request past its expiry, or one whose thread message is behind. */
export function requestNeedsWork(r: RunbookRequest, now: Date): boolean {
  return (r.status === 'pending' && r.expiresAt.getTime() <= now.getTime()) || isBehind(r);
}

/**
 * In REQ#DUE while it needs work: by its creation while its message is behind (due at once), else by
 * its expiry while pending. The expiry is kept as `expiry`: `expiresAt` is the table's TTL attribute.
 */
export function requestDueKeys(r: RunbookRequest): Item {
  if (isBehind(r)) return { gsi1pk: REQUESTS_DUE, gsi1sk: `${iso(r.createdAt)}#${r.id}` };
  if (r.status === 'pending') return { gsi1pk: REQUESTS_DUE, gsi1sk: `${iso(r.expiresAt)}#${r.id}` };
  return {};
}

export function requestItem(r: RunbookRequest, rev: number): Item {
  return {
    ...requestKey(r.id),
    id: r.id,
    incidentSeq: r.incidentSeq,
    runbookId: r.runbookId,
    requestedBy: r.requestedBy,
    overrides: JSON.stringify(r.overrides),
    parameters: JSON.stringify(r.parameters),
    status: r.status,
    decidedBy: r.decidedBy,
    decidedAt: optionalIso(r.decidedAt),
    createdAt: iso(r.createdAt),
    expiry: iso(r.expiresAt),
    executionId: r.executionId,
    version: r.version,
    renderedVersion: r.renderedVersion,
    threadChannel: r.threadChannel,
    threadTs: r.threadTs,
    rev,
    ...requestDueKeys(r),
  };
}

export function readRequestItem(item: Item): Stored<RunbookRequest> {
  return {
    rev: item.rev as number,
    value: {
      id: item.id as string,
      incidentSeq: item.incidentSeq as number,
      runbookId: item.runbookId as string,
      requestedBy: item.requestedBy as string,
      overrides: JSON.parse(item.overrides as string) as Record<string, string>,
      parameters: JSON.parse(item.parameters as string) as Record<string, string[]>,
      status: item.status as RunbookRequest['status'],
      decidedBy: item.decidedBy as string | undefined,
      decidedAt: optionalDate(item.decidedAt),
      createdAt: new Date(item.createdAt as string),
      expiresAt: new Date(item.expiry as string),
      executionId: item.executionId as string | undefined,
      version: item.version as number,
      renderedVersion: item.renderedVersion as number,
      threadChannel: item.threadChannel as string | undefined,
      threadTs: item.threadTs as string | undefined,
    },
  };
}
