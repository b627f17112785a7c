import { expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';
import { execution, later, now, request, runbookEntry } from './runbook-fixtures.ts';

describeEachStoreAdapter('runbooks across two processes', (adapter) => {
  /** Two Store instances on one backing store (two warroom processes sharing it), with an incident. */
  async function twoStoresWithIncident(): Promise<{ a: Store; b: Store; seq: number }> {
    const a = await adapter.open();
    const b = await adapter.openAnother(a);
    return { a, b, seq: await declareIncident(a, now) };
  }

  const runbookEntries = async (store: Store, seq: number) =>
    (await store.listTimeline(seq)).filter((entry) => entry.kind === 'runbook');

  it('records a start once when two processes record it; a later start by the same id or token answers created: false', async () => {
    const { a, b, seq } = await twoStoresWithIncident();
    const first = execution(seq);
    const started = (id: string) => runbookEntry('started', `automation:${id}:started`);
    const results = await Promise.all([
      a.runbooks.recordExecutionStarted(first, started(first.executionId), []),
      b.runbooks.recordExecutionStarted(first, started(first.executionId), []),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);

    const sameToken = {
      ...execution(seq, '33333333-3333-4333-8333-333333333333'),
      clientToken: first.clientToken,
    };
    const byToken = await b.runbooks.recordExecutionStarted(sameToken, started(sameToken.executionId), []);
    expect(byToken).toMatchObject({ created: false, execution: { executionId: first.executionId } });
    expect(await a.runbooks.getExecution(sameToken.executionId)).toBeUndefined();

    const sameId = { ...first, clientToken: 'bbbbbbbb-bbbb-5bbb-8bbb-bbbbbbbbbbbb' };
    const byId = await a.runbooks.recordExecutionStarted(sameId, started(first.executionId), []);
    expect(byId).toMatchObject({ created: false, execution: { clientToken: first.clientToken } });
    expect(await b.runbooks.findExecutionByToken(sameId.clientToken)).toBeUndefined();

    expect(await runbookEntries(a, seq)).toHaveLength(1);
    expect(await b.runbooks.listExecutions(seq)).toHaveLength(1);
  });

  it('records one of two different executions started at the same time with one client token', async () => {
    const { a, b, seq } = await twoStoresWithIncident();
    const first = execution(seq);
    const twin = {
      ...execution(seq, '44444444-4444-4444-8444-444444444444'),
      clientToken: first.clientToken,
    };
    const results = await Promise.all([
      a.runbooks.recordExecutionStarted(first, runbookEntry('first'), []),
      b.runbooks.recordExecutionStarted(twin, runbookEntry('twin'), []),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    const winner = results.find((result) => result.created)?.execution.executionId;
    expect(results.map((result) => result.execution.executionId)).toEqual([winner, winner]);
    expect(await a.runbooks.listExecutions(seq)).toHaveLength(1);
    expect(await runbookEntries(b, seq)).toHaveLength(1);
  });

  it('keeps both of two changes two processes make to one execution at the same time', async () => {
    const { a, b, seq } = await twoStoresWithIncident();
    const first = execution(seq);
    await a.runbooks.recordExecutionStarted(first, runbookEntry('started'), []);
    await Promise.all([
      a.runbooks.recordExecutionProgress(
        first.executionId,
        { status: 'InProgress', steps: [] },
        {
          at: later(5000),
          intervalMs: 5000,
        },
      ),
      b.runbooks.recordStopRequested(first.executionId, runbookEntry('stop asked', undefined, 'U0BOB')),
      b.runbooks.recordExecutionMessage(first.executionId, 'C0ALERTS', '1.000001', 1),
    ]);
    expect(await b.runbooks.getExecution(first.executionId)).toMatchObject({
      status: 'InProgress',
      stopRequestedBy: 'U0BOB',
      threadTs: '1.000001',
      version: 3,
    });
  });

  it('lets exactly one of two processes decide a request, with only the winner on the timeline', async () => {
    const { a, b, seq } = await twoStoresWithIncident();
    const asked = request(seq);
    await a.runbooks.createRequest(asked, runbookEntry('asked'));
    const decisions = await Promise.all([
      a.runbooks.decideRequest(
        asked.id,
        { status: 'approved', by: 'U0BOB', at: now },
        runbookEntry('approved', `r:${asked.id}:approved`, 'U0BOB'),
      ),
      b.runbooks.decideRequest(
        asked.id,
        { status: 'rejected', by: 'U0CAROL', at: now },
        runbookEntry('rejected', `r:${asked.id}:rejected`, 'U0CAROL'),
      ),
    ]);
    const winners = decisions.filter((decision) => decision?.decided);
    expect(winners).toHaveLength(1);
    const winner = winners[0]?.request;
    // The loser is answered the request as the winner left it.
    expect(decisions.map((decision) => decision?.request.status)).toEqual([winner?.status, winner?.status]);
    expect(await b.runbooks.getRequest(asked.id)).toMatchObject({
      status: winner?.status,
      decidedBy: winner?.decidedBy,
      version: 2,
    });
    expect((await runbookEntries(a, seq)).map((entry) => entry.text)).toEqual(['asked', winner?.status]);
  });

  it('creates a request once when two processes create it', async () => {
    const { a, b, seq } = await twoStoresWithIncident();
    const asked = request(seq);
    const results = await Promise.all([
      a.runbooks.createRequest(asked, runbookEntry('asked', `r:${asked.id}:asked`)),
      b.runbooks.createRequest(asked, runbookEntry('asked', `r:${asked.id}:asked`)),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(await runbookEntries(b, seq)).toHaveLength(1);
  });
});
