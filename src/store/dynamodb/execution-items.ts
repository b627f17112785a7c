import type { AutomationStep } from '../../aws/automation-port.ts';
import type { RunbookExecution } from '../../runbooks/index.ts';
import type { Item } from './dynamo-table.ts';
import { EXECUTIONS_DUE, executionKey, executionsOf, iso } from './keys.ts';
import { isBehind, optionalDate, optionalIso, type Stored } from './runbook-items.ts';

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/** SQLite's due rule: the poll time has come, or the thread message is behind while polls go on. */
export function executionDue(e: RunbookExecution, now: Date): boolean {
  if (!e.nextPollAt) return false;
  return e.nextPollAt.getTime() <= now.getTime() || isBehind(e);
}

/**
 * In EXEC#DUE while polls go on: by the next poll, or, while the thread message is behind, by the
 * start (so it is due at once, as SQLite lists it whatever the poll time).
 */
function executionDueKeys(e: RunbookExecution): Item {
  if (!e.nextPollAt) return {};
  const at = isBehind(e) ? earlier(e.startedAt, e.nextPollAt) : e.nextPollAt;
  return { gsi1pk: EXECUTIONS_DUE, gsi1sk: `${iso(at)}#${e.executionId}` };
}

export function executionItem(e: RunbookExecution, rev: number): Item {
  return {
    ...executionKey(e.executionId),
    executionId: e.executionId,
    incidentSeq: e.incidentSeq,
    runbookId: e.runbookId,
    document: e.document,
    clientToken: e.clientToken,
    requestedBy: e.requestedBy,
    approvedBy: e.approvedBy,
    parameters: JSON.stringify(e.parameters),
    status: e.status,
    steps: JSON.stringify(e.steps),
    failureMessage: e.failureMessage,
    startedAt: iso(e.startedAt),
    updatedAt: iso(e.updatedAt),
    finishedAt: optionalIso(e.finishedAt),
    stopRequestedBy: e.stopRequestedBy,
    version: e.version,
    renderedVersion: e.renderedVersion,
    threadChannel: e.threadChannel,
    threadTs: e.threadTs,
    nextPollAt: optionalIso(e.nextPollAt),
    pollIntervalMs: e.pollIntervalMs,
    rev,
    ...executionDueKeys(e),
    gsi2pk: executionsOf(e.incidentSeq),
    gsi2sk: iso(e.startedAt),
  };
}

export function readExecutionItem(item: Item): Stored<RunbookExecution> {
  return {
    rev: item.rev as number,
    value: {
      executionId: item.executionId as string,
      incidentSeq: item.incidentSeq as number,
      runbookId: item.runbookId as string,
      document: item.document as string,
      clientToken: item.clientToken as string,
      requestedBy: item.requestedBy as string,
      approvedBy: item.approvedBy as string | undefined,
      parameters: JSON.parse(item.parameters as string) as Record<string, string[]>,
      status: item.status as string,
      steps: JSON.parse(item.steps as string) as AutomationStep[],
      failureMessage: item.failureMessage as string | undefined,
      startedAt: new Date(item.startedAt as string),
      updatedAt: new Date(item.updatedAt as string),
      finishedAt: optionalDate(item.finishedAt),
      stopRequestedBy: item.stopRequestedBy as string | undefined,
      version: item.version as number,
      renderedVersion: item.renderedVersion as number,
      threadChannel: item.threadChannel as string | undefined,
      threadTs: item.threadTs as string | undefined,
      nextPollAt: optionalDate(item.nextPollAt),
      pollIntervalMs: item.pollIntervalMs as number,
    },
  };
}
