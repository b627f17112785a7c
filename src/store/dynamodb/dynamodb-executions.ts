import type { IncidentManagerWrite } from '../../incident-manager/index.ts';
import type { TimelineEntry } from '../../incidents/index.ts';
import type { RunbookExecution } from '../../runbooks/index.ts';
import type { DynamoTable } from './dynamo-table.ts';
import type { DynamoDbIncidents } from './dynamodb-incidents.ts';
import { executionDue, executionItem, readExecutionItem } from './execution-items.ts';
import { dueBy, EXECUTIONS_DUE, executionKey, executionsOf, executionTokenKey } from './keys.ts';
import { executionTokenItem } from './marker-items.ts';
import { CONFLICT, retryOnConflict } from './retry-on-conflict.ts';
import { planRunbookEntry } from './runbook-timeline.ts';
import { WritePlan } from './write-plan.ts';

const byNextPoll = (a: RunbookExecution, b: RunbookExecution) =>
  (a.nextPollAt?.getTime() ?? 0) - (b.nextPollAt?.getTime() ?? 0);

/**
 * Runbook executions (docs/store.md): `EXEC#<id>` with its `EXECTOKEN#<token>` marker. Every change
 * is read, made, and written back on condition the item is as read (`rev`), with its timeline entry
 * in the same transaction; a lost race is read and made again.
 */
export class DynamoDbExecutions {
  constructor(
    private readonly table: DynamoTable,
    private readonly incidents: DynamoDbIncidents,
  ) {}

  async get(executionId: string): Promise<RunbookExecution | undefined> {
    const item = await this.table.get(executionKey(executionId));
    return item ? readExecutionItem(item).value : undefined;
  }

  async findByToken(clientToken: string): Promise<RunbookExecution | undefined> {
    const marker = await this.table.get(executionTokenKey(clientToken));
    return marker ? this.get(marker.executionId as string) : undefined;
  }

  async listForIncident(seq: number): Promise<RunbookExecution[]> {
    const listed = await this.table.query({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :list',
      ExpressionAttributeValues: { ':list': executionsOf(seq) },
    });
    return this.reread(listed.map((item) => item.executionId as string));
  }

  /** The index may trail the table: each listed execution is read again and kept only if still due. */
  async listDue(now: Date, limit: number): Promise<RunbookExecution[]> {
    const listed = await this.table.query(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :list AND gsi1sk <= :due',
        ExpressionAttributeValues: { ':list': EXECUTIONS_DUE, ':due': dueBy(now) },
      },
      limit,
    );
    const current = await this.reread(listed.map((item) => item.executionId as string));
    return current.filter((execution) => executionDue(execution, now)).sort(byNextPoll);
  }

  recordStarted(
    execution: RunbookExecution,
    entry: TimelineEntry,
    extraWrites: readonly IncidentManagerWrite[],
  ): Promise<{ execution: RunbookExecution; created: boolean }> {
    return retryOnConflict(`start ${execution.executionId}`, async () => {
      const existing =
        (await this.get(execution.executionId)) ?? (await this.findByToken(execution.clientToken));
      if (existing) return { execution: existing, created: false };
      // As SQLite inserts it: nothing seen, shown or stopped yet.
      const created: RunbookExecution = {
        ...execution,
        failureMessage: undefined,
        finishedAt: undefined,
        stopRequestedBy: undefined,
        renderedVersion: 0,
        threadChannel: undefined,
        threadTs: undefined,
      };
      const plan = new WritePlan()
        .add('record', {
          Put: { Item: executionItem(created, 1), ConditionExpression: 'attribute_not_exists(pk)' },
        })
        .add('marker', {
          Put: {
            Item: executionTokenItem(created.clientToken, created.executionId),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        });
      await planRunbookEntry(plan, this.incidents, created.incidentSeq, entry, extraWrites);
      const result = await this.table.transact(plan.items);
      return result.ok ? { execution: created, created: true } : CONFLICT;
    });
  }

  /**
   * Changes the execution as `change` says (nothing when it does not exist), with `entry` on its
   * incident's timeline in the same transaction; answers it as written.
   */
  change(
    executionId: string,
    change: (current: RunbookExecution) => RunbookExecution,
    entry?: TimelineEntry,
  ): Promise<RunbookExecution | undefined> {
    return retryOnConflict(`change ${executionId}`, async () => {
      const item = await this.table.get(executionKey(executionId));
      if (!item) return undefined;
      const { value: current, rev } = readExecutionItem(item);
      const next = change(current);
      const plan = new WritePlan().add('record', {
        Put: {
          Item: executionItem(next, rev + 1),
          ConditionExpression: 'rev = :rev',
          ExpressionAttributeValues: { ':rev': rev },
        },
      });
      if (entry) await planRunbookEntry(plan, this.incidents, current.incidentSeq, entry);
      const result = await this.table.transact(plan.items);
      return result.ok ? next : CONFLICT;
    });
  }

  private async reread(executionIds: readonly string[]): Promise<RunbookExecution[]> {
    const found = await Promise.all([...new Set(executionIds)].map((id) => this.get(id)));
    return found.filter((execution): execution is RunbookExecution => execution !== undefined);
  }
}
