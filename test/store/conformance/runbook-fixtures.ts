import type { TimelineEntry } from '../../../src/incidents/index.ts';
import type { RunbookExecution } from '../../../src/runbooks/execution.ts';
import type { RunbookRequest } from '../../../src/runbooks/request.ts';

export const now = new Date('2026-11-22T09:30:00Z');
export const later = (ms: number) => new Date(now.getTime() + ms);

/** A reboot just started by Alice, due for its first poll now. */
export function execution(seq: number, id = '11111111-1111-4111-8111-111111111111'): RunbookExecution {
  return {
    executionId: id,
    incidentSeq: seq,
    runbookId: 'reboot-instance',
    document: 'AWS-RebootRdsInstance',
    clientToken: `aaaaaaaa-aaaa-5aaa-8aaa-${id.slice(-12)}`,
    requestedBy: 'U0ALICE',
    parameters: { InstanceId: ['orders-db'] },
    status: 'Pending',
    steps: [{ name: 'RebootInstance', action: 'aws:executeAwsApi', status: 'Pending' }],
    startedAt: now,
    updatedAt: now,
    version: 1,
    renderedVersion: 0,
    nextPollAt: now,
    pollIntervalMs: 5000,
  };
}

/** Alice asks for a stop that needs a second person; it expires a minute after `createdAt`. */
export function request(
  seq: number,
  id = '22222222-2222-5222-8222-222222222222',
  createdAt = now,
): RunbookRequest {
  return {
    id,
    incidentSeq: seq,
    runbookId: 'stop-instance',
    requestedBy: 'U0ALICE',
    overrides: {},
    parameters: { InstanceId: ['orders-db'] },
    status: 'pending',
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 60_000),
    version: 1,
    renderedVersion: 0,
  };
}

export function runbookEntry(text: string, dedupeKey?: string, actor = 'U0ALICE'): TimelineEntry {
  return { at: now, kind: 'runbook', actor, text, dedupeKey };
}
