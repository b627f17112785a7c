import { expect, it } from 'vitest';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';
import { execution, later, now } from './runbook-fixtures.ts';

const started = (id: string) => ({
  at: now,
  kind: 'runbook' as const,
  actor: 'U0ALICE',
  text: 'started',
  dedupeKey: `automation:${id}:started`,
});

describeEachStoreAdapter('runbooks', (adapter) => {
  async function storeWithIncident(overrides = {}) {
    const store = await adapter.open();
    return { store, seq: await declareIncident(store, now, overrides) };
  }

  it('records a started execution once, by id or client token, with one timeline entry', async () => {
    const { store, seq } = await storeWithIncident();
    const first = execution(seq);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.runbooks.recordExecutionStarted(first, started(first.executionId), []),
      ),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await store.runbooks.findExecutionByToken(first.clientToken)).toMatchObject({
      executionId: first.executionId,
    });
    expect((await store.listTimeline(seq)).filter((entry) => entry.kind === 'runbook')).toHaveLength(1);
  });

  it('queues the AUTOMATION related item and a timeline event for an Incident Manager incident, in the same transaction', async () => {
    const arn = 'arn:aws:ssm-incidents::123456789012:incident-record/db/abc';
    const { store, seq } = await storeWithIncident({ incidentManagerArn: arn });
    const first = execution(seq);
    const related = {
      kind: 'related-item' as const,
      arn,
      itemType: 'AUTOMATION' as const,
      value: { arn: `arn:aws:ssm:us-east-1:123456789012:automation-execution/${first.executionId}` },
      title: 'Runbook',
    };
    await store.runbooks.recordExecutionStarted(first, started(first.executionId), [related]);
    const kinds = (await store.listUnfinishedOutbox(seq)).map((item) => item.write.kind);
    expect(kinds.slice(-2)).toEqual(['timeline-event', 'related-item']);
  });

  it('is due while its poll time has come or its thread message is behind, and not once finished and shown', async () => {
    const { store, seq } = await storeWithIncident();
    const first = execution(seq);
    await store.runbooks.recordExecutionStarted(first, started(first.executionId), []);
    expect(await store.runbooks.listDueExecutions(now, 10)).toHaveLength(1);
    await store.runbooks.scheduleExecutionPoll(first.executionId, later(10_000), 10_000);
    // Not shown yet: due for its message even before the poll time.
    expect(await store.runbooks.listDueExecutions(now, 10)).toHaveLength(1);
    await store.runbooks.recordExecutionMessage(first.executionId, 'C0ALERTS', '1.000001', 1);
    expect(await store.runbooks.listDueExecutions(now, 10)).toHaveLength(0);
    expect(await store.runbooks.listDueExecutions(later(10_000), 10)).toHaveLength(1);

    const done = await store.runbooks.recordExecutionProgress(
      first.executionId,
      { status: 'Success', steps: [], finishedAt: later(10_000) },
      { at: later(10_000), intervalMs: 5000 },
    );
    expect(done).toMatchObject({ status: 'Success', version: 2, renderedVersion: 1 });
    await store.runbooks.recordExecutionMessage(first.executionId, 'C0ALERTS', '1.000001', 2);
    expect(await store.runbooks.listDueExecutions(later(60_000), 10)).toHaveLength(0);
  });

  it('decides a request once; an expired one can no longer be approved', async () => {
    const { store, seq } = await storeWithIncident();
    const request = {
      id: '22222222-2222-5222-8222-222222222222',
      incidentSeq: seq,
      runbookId: 'stop-instance',
      requestedBy: 'U0ALICE',
      overrides: {},
      parameters: { InstanceId: ['orders-db'] },
      status: 'pending' as const,
      createdAt: now,
      expiresAt: later(60_000),
      version: 1,
      renderedVersion: 0,
    };
    const entry = (text: string) => ({
      at: now,
      kind: 'runbook' as const,
      actor: 'U0BOB',
      text,
      dedupeKey: `r:${request.id}:decided`,
    });
    expect((await store.runbooks.createRequest(request, entry('asked'))).created).toBe(true);
    expect((await store.runbooks.createRequest(request, entry('asked'))).created).toBe(false);
    const late = await store.runbooks.decideRequest(
      request.id,
      { status: 'approved', by: 'U0BOB', at: later(60_000) },
      entry('approved'),
    );
    expect(late).toMatchObject({ decided: false, request: { status: 'pending' } });
    const decisions = await Promise.all([
      store.runbooks.decideRequest(
        request.id,
        { status: 'approved', by: 'U0BOB', at: now },
        entry('approved'),
      ),
      store.runbooks.decideRequest(
        request.id,
        { status: 'rejected', by: 'U0CAROL', at: now },
        entry('rejected'),
      ),
    ]);
    // Which of two concurrent calls wins is a race; that exactly one does is the rule.
    const winner = decisions.find((decision) => decision?.decided)?.request;
    expect(decisions.filter((decision) => decision?.decided)).toHaveLength(1);
    expect(winner?.status).toMatch(/^(approved|rejected)$/);
    expect(await store.runbooks.getRequest(request.id)).toMatchObject({
      status: winner?.status,
      decidedBy: winner?.decidedBy,
      version: 2,
    });
  });
});
