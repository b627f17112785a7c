import { expect, it } from 'vitest';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';
import { execution, later, now, request, runbookEntry } from './runbook-fixtures.ts';

describeEachStoreAdapter('runbook lists', (adapter) => {
  async function storeWithIncident(overrides = {}) {
    const store = await adapter.open();
    return { store, seq: await declareIncident(store, now, overrides) };
  }

  it('lists due executions by their next poll, up to the limit, and never one whose polls have stopped', async () => {
    const { store, seq } = await storeWithIncident();
    const ids = ['a', 'b', 'c'].map((c) => `${c.repeat(8)}-1111-4111-8111-11111111111${c}`);
    const polls = [later(2000), later(1000), undefined];
    for (const [index, id] of ids.entries()) {
      await store.runbooks.recordExecutionStarted(
        { ...execution(seq, id), nextPollAt: polls[index] },
        runbookEntry(id),
        [],
      );
      await store.runbooks.recordExecutionMessage(id, 'C0ALERTS', `1.00000${index}`, 1);
    }
    const due = async (at: Date, limit = 10) =>
      (await store.runbooks.listDueExecutions(at, limit)).map((e) => e.executionId);
    expect(await due(now)).toEqual([]);
    expect(await due(later(1000))).toEqual([ids[1]]);
    expect(await due(later(5000))).toEqual([ids[1], ids[0]]);
    expect(await due(later(5000), 1)).toEqual([ids[1]]);
    // Behind again (a new version): due before its poll time.
    await store.runbooks.recordExecutionProgress(
      ids[0] as string,
      { status: 'InProgress', steps: [] },
      {
        at: later(2000),
        intervalMs: 5000,
      },
    );
    expect(await due(now)).toEqual([ids[0]]);
  });

  it('lists executions of an incident in the order they started', async () => {
    const { store, seq } = await storeWithIncident();
    const second = { ...execution(seq, '22222222-1111-4111-8111-222222222222'), startedAt: later(1000) };
    const first = execution(seq);
    await store.runbooks.recordExecutionStarted(second, runbookEntry('second'), []);
    await store.runbooks.recordExecutionStarted(first, runbookEntry('first'), []);
    const listed = await store.runbooks.listExecutions(seq);
    expect(listed.map((e) => e.executionId)).toEqual([first.executionId, second.executionId]);
    expect(await store.runbooks.listExecutions(seq + 1)).toEqual([]);
  });

  it('lists requests whose message is behind or that expired while pending, oldest first', async () => {
    const { store, seq } = await storeWithIncident();
    const older = request(seq);
    const newer = request(seq, '33333333-2222-5222-8222-333333333333', later(1000));
    await store.runbooks.createRequest(newer, runbookEntry('newer'));
    await store.runbooks.createRequest(older, runbookEntry('older'));
    const needing = async (at: Date) =>
      (await store.runbooks.listRequestsNeedingWork(at, 10)).map((r) => r.id);
    expect(await needing(later(1000))).toEqual([older.id, newer.id]);
    await store.runbooks.recordRequestMessage(older.id, 'C0ALERTS', '1.000001', 1);
    await store.runbooks.recordRequestMessage(newer.id, 'C0ALERTS', '1.000002', 1);
    expect(await needing(later(1000))).toEqual([]);
    expect(await needing(later(60_000))).toEqual([older.id]);

    await store.runbooks.decideRequest(
      older.id,
      { status: 'expired', at: later(60_000) },
      runbookEntry('expired'),
    );
    expect(await needing(later(60_000))).toEqual([older.id]);
    await store.runbooks.recordRequestMessage(older.id, 'C0ALERTS', '1.000001', 2);
    expect(await needing(later(600_000))).toEqual([newer.id]);

    await store.runbooks.recordRequestExecution(newer.id, execution(seq).executionId);
    expect(await store.runbooks.getRequest(newer.id)).toMatchObject({
      executionId: execution(seq).executionId,
      version: 2,
      renderedVersion: 1,
    });
  });

  it('records a stop and a poll with their entries; an entry seen before is left out with its Incident Manager writes', async () => {
    const arn = 'arn:aws:ssm-incidents::123456789012:incident-record/db/abc';
    const { store, seq } = await storeWithIncident({ incidentManagerArn: arn });
    const first = execution(seq);
    await store.runbooks.recordExecutionStarted(first, runbookEntry('started'), []);
    await store.runbooks.recordStopRequested(
      first.executionId,
      runbookEntry('stop asked', 'stop:1', 'U0BOB'),
    );
    expect(await store.runbooks.getExecution(first.executionId)).toMatchObject({
      stopRequestedBy: 'U0BOB',
      nextPollAt: now,
      version: 2,
    });
    const outbox = (await store.listUnfinishedOutbox(seq)).length;
    const failed = {
      status: 'Failed',
      steps: [],
      finishedAt: later(1000),
      entry: runbookEntry('failed', 'stop:1'),
    };
    const polled = await store.runbooks.recordExecutionProgress(first.executionId, failed, {
      at: later(1000),
      intervalMs: 5000,
    });
    expect(polled).toMatchObject({ status: 'Failed', version: 3, updatedAt: now });
    expect((await store.listTimeline(seq)).map((entry) => entry.text)).toEqual([
      'opened',
      'started',
      'stop asked',
    ]);
    expect(await store.listUnfinishedOutbox(seq)).toHaveLength(outbox);
  });

  it('changes nothing for an execution or a request that does not exist', async () => {
    const { store } = await storeWithIncident();
    const missing = '99999999-9999-4999-8999-999999999999';
    expect(
      await store.runbooks.recordExecutionProgress(
        missing,
        { status: 'Success', steps: [] },
        { at: now, intervalMs: 1 },
      ),
    ).toBeUndefined();
    await store.runbooks.recordExecutionMessage(missing, 'C0ALERTS', '1.000001', 1);
    await store.runbooks.recordRequestMessage(missing, 'C0ALERTS', '1.000001', 1);
    expect(await store.runbooks.getExecution(missing)).toBeUndefined();
    expect(
      await store.runbooks.decideRequest(missing, { status: 'expired', at: now }, runbookEntry('x')),
    ).toBeUndefined();
    expect(await store.runbooks.getRequest(missing)).toBeUndefined();
  });
});
