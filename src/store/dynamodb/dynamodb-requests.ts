import type { TimelineEntry } from '../../incidents/index.ts';
import type { RunbookRequest } from '../../runbooks/index.ts';
import type { DynamoTable, TransactItem } from './dynamo-table.ts';
import type { DynamoDbIncidents } from './dynamodb-incidents.ts';
import { dueBy, iso, REQUESTS_DUE, requestKey } from './keys.ts';
import { readRequestItem, requestDueKeys, requestItem, requestNeedsWork } from './request-items.ts';
import { CONFLICT, retryOnConflict } from './retry-on-conflict.ts';
import { planRunbookEntry } from './runbook-timeline.ts';
import { WritePlan } from './write-plan.ts';

export type Decision = { status: 'approved' | 'rejected' | 'expired'; by?: string; at: Date };

/** Whether SQLite's decide would change it: pending, and for an approval or rejection unexpired. */
const decidable = (request: RunbookRequest, decision: Decision) =>
  request.status === 'pending' &&
  (decision.status === 'expired' || request.expiresAt.getTime() > decision.at.getTime());

/**
 * A decision as one update on the rule itself rather than on `rev`, so a message recorded meanwhile
 * does not cancel it, and exactly one decision wins. A decided request's version is past its
 * message's, so it is listed at once (by its creation) until the message shows the decision.
 */
function decisionUpdate(current: RunbookRequest, decision: Decision): TransactItem {
  const decidedBy = decision.by ? 'SET decidedBy = :by,' : 'REMOVE decidedBy SET';
  const due = requestDueKeys({ ...current, status: decision.status, version: current.version + 1 });
  return {
    Update: {
      Key: requestKey(current.id),
      UpdateExpression: `${decidedBy} #status = :status, decidedAt = :at, version = version + :one, rev = rev + :one, gsi1pk = :list, gsi1sk = :due`,
      ConditionExpression:
        decision.status === 'expired' ? '#status = :pending' : '#status = :pending AND expiry > :at',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': decision.status,
        ':at': iso(decision.at),
        ':one': 1,
        ':pending': 'pending',
        ':list': due.gsi1pk,
        ':due': due.gsi1sk,
        ...(decision.by ? { ':by': decision.by } : {}),
      },
    },
  };
}

/**
 * Two-person runbook requests (docs/store.md): `REQ#<id>`, read, changed and written back on
 * condition it is as read (`rev`), with its timeline entry in the same transaction.
 */
export class DynamoDbRequests {
  constructor(
    private readonly table: DynamoTable,
    private readonly incidents: DynamoDbIncidents,
  ) {}

  async get(id: string): Promise<RunbookRequest | undefined> {
    const item = await this.table.get(requestKey(id));
    return item ? readRequestItem(item).value : undefined;
  }

  create(
    request: RunbookRequest,
    entry: TimelineEntry,
  ): Promise<{ request: RunbookRequest; created: boolean }> {
    return retryOnConflict(`ask ${request.id}`, async () => {
      const existing = await this.get(request.id);
      if (existing) return { request: existing, created: false };
      // As SQLite inserts it: pending, undecided, at version 1 and not shown.
      const created: RunbookRequest = {
        ...request,
        status: 'pending',
        decidedBy: undefined,
        decidedAt: undefined,
        executionId: undefined,
        version: 1,
        renderedVersion: 0,
        threadChannel: undefined,
        threadTs: undefined,
      };
      const plan = new WritePlan().add('record', {
        Put: { Item: requestItem(created, 1), ConditionExpression: 'attribute_not_exists(pk)' },
      });
      await planRunbookEntry(plan, this.incidents, created.incidentSeq, entry);
      const result = await this.table.transact(plan.items);
      return result.ok ? { request: created, created: true } : CONFLICT;
    });
  }

  decide(
    id: string,
    decision: Decision,
    entry: TimelineEntry,
  ): Promise<{ request: RunbookRequest; decided: boolean } | undefined> {
    return retryOnConflict(`decide ${id}`, async () => {
      const item = await this.table.get(requestKey(id));
      if (!item) return undefined;
      const current = readRequestItem(item).value;
      if (!decidable(current, decision)) return { request: current, decided: false };
      const plan = new WritePlan().add('claim', decisionUpdate(current, decision));
      await planRunbookEntry(plan, this.incidents, current.incidentSeq, entry);
      const result = await this.table.transact(plan.items);
      if (!result.ok) return CONFLICT;
      const decided = (await this.get(id)) ?? current;
      return { request: decided, decided: true };
    });
  }

  /** The index may trail the table: each listed request is read again and kept only if it still needs work. */
  async listNeedingWork(now: Date, limit: number): Promise<RunbookRequest[]> {
    const listed = await this.table.query(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :list AND gsi1sk <= :due',
        ExpressionAttributeValues: { ':list': REQUESTS_DUE, ':due': dueBy(now) },
      },
      limit,
    );
    const ids = [...new Set(listed.map((item) => item.id as string))];
    const current = await Promise.all(ids.map((id) => this.get(id)));
    return current
      .filter((request): request is RunbookRequest => request !== undefined && requestNeedsWork(request, now))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Changes the request as `change` says, on condition it is as read; nothing when it does not exist. */
  change(id: string, change: (current: RunbookRequest) => RunbookRequest): Promise<void> {
    return retryOnConflict(`change ${id}`, async () => {
      const item = await this.table.get(requestKey(id));
      if (!item) return;
      const { value: current, rev } = readRequestItem(item);
      const written = await this.table.put(requestItem(change(current), rev + 1), {
        ConditionExpression: 'rev = :rev',
        ExpressionAttributeValues: { ':rev': rev },
      });
      return written ? undefined : CONFLICT;
    });
  }
}
