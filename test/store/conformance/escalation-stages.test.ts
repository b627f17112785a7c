import { expect, it } from 'vitest';
import type { IncidentStatus } from '../../../src/incidents/incident.ts';
import type { NewEscalationStage } from '../../../src/store/escalation-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';

const opened = new Date('2026-11-22T09:00:00Z');
const MINUTE = 60_000;
const at = (minutes: number) => new Date(opened.getTime() + minutes * MINUTE);
const OTHER_PROBLEM = 'rds-instance:123456789012:us-east-1:billing-db';

const stage = (seq: number, index: number, dueAt: Date, policy = 'default'): NewEscalationStage => ({
  seq,
  index,
  policy,
  notify: ['U0ALICE'],
  dueAt,
});

async function setStatus(store: Store, seq: number, status: IncidentStatus, now: Date): Promise<void> {
  await store.mutateIncident(seq, now, (incident) => ({
    kind: 'changed',
    incident: { ...incident, status, version: incident.version + 1 },
    entry: { at: now, kind: 'status', actor: 'U0ALICE', text: status, from: incident.status, to: status },
  }));
}

describeEachStoreAdapter('escalation stages', (adapter) => {
  /** Two Store instances on one backing store (two warroom processes sharing it), with an incident. */
  async function twoStoresWithIncident() {
    const a = await adapter.open();
    const b = await adapter.openAnother(a);
    return { a, b, seq: await declareIncident(a, opened) };
  }

  it('records each stage once, leaving a stage already there as it was', async () => {
    const { a, seq } = await twoStoresWithIncident();
    expect(await a.escalations.schedule([stage(seq, 0, opened), stage(seq, 1, at(10))])).toBe(2);
    expect(await a.escalations.schedule([stage(seq, 1, at(20), 'other'), stage(seq, 2, at(30))])).toBe(1);
    expect(
      (await a.escalations.list(seq)).map((s) => [s.index, s.policy, s.dueAt, s.status, s.attempts]),
    ).toEqual([
      [0, 'default', opened, 'due', 0],
      [1, 'default', at(10), 'due', 0],
      [2, 'default', at(30), 'due', 0],
    ]);
  });

  it('lets exactly one of two processes claim a due stage, and neither claim one not due yet', async () => {
    const { a, b, seq } = await twoStoresWithIncident();
    await a.escalations.schedule([stage(seq, 0, opened), stage(seq, 1, at(10))]);
    const claims = await Promise.all([
      a.escalations.claim(seq, 0, at(1), at(2)),
      b.escalations.claim(seq, 0, at(1), at(2)),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await b.escalations.claim(seq, 1, at(1), at(2))).toBe(false);
    expect(await b.escalations.claim(seq, 7, at(1), at(2))).toBe(false);
    expect((await b.escalations.list(seq))[0]).toMatchObject({
      status: 'claimed',
      claimedUntil: at(2),
      attempts: 1,
    });
  });

  it('keeps a failed claim until its lease runs out, then lists it and lets it be taken again', async () => {
    const { a, b, seq } = await twoStoresWithIncident();
    await a.escalations.schedule([stage(seq, 0, opened)]);
    expect(await a.escalations.claim(seq, 0, at(1), at(3))).toBe(true);
    await a.escalations.recordFailure(seq, 0, 'Slack said ratelimited');
    expect(await b.escalations.listDue(at(2), 10)).toEqual([]);
    expect(await b.escalations.claim(seq, 0, at(2), at(4))).toBe(false);
    expect((await b.escalations.listDue(at(3), 10)).map((s) => [s.index, s.status])).toEqual([
      [0, 'claimed'],
    ]);
    expect(await b.escalations.claim(seq, 0, at(3), at(5))).toBe(true);
    expect((await a.escalations.list(seq))[0]).toMatchObject({ claimedUntil: at(5), attempts: 2 });
  });

  it('claims only while the incident is open, and lists the status the incident has now', async () => {
    const { a, seq } = await twoStoresWithIncident();
    await a.escalations.schedule([stage(seq, 0, opened)]);
    await setStatus(a, seq, 'acknowledged', at(1));
    expect((await a.escalations.listDue(at(2), 10)).map((s) => s.incidentStatus)).toEqual(['acknowledged']);
    expect(await a.escalations.claim(seq, 0, at(2), at(3))).toBe(false);
    await setStatus(a, seq, 'resolved', at(3));
    expect(await a.escalations.claim(seq, 0, at(4), at(5))).toBe(false);
    expect((await a.escalations.list(seq))[0]).toMatchObject({ status: 'due', attempts: 0 });
  });

  it('lists due stages by due time, up to the limit, and never a fired or cancelled one', async () => {
    const { a, seq } = await twoStoresWithIncident();
    const other = await declareIncident(a, opened, { groupKey: OTHER_PROBLEM });
    await a.escalations.schedule([stage(seq, 0, at(2)), stage(seq, 1, at(6)), stage(seq, 2, at(60))]);
    await a.escalations.schedule([stage(other, 0, at(1)), stage(other, 1, at(4))]);
    // A claim that ran out lists by when its stage was due, not by when its lease ended.
    expect(await a.escalations.claim(seq, 0, at(2), at(5))).toBe(true);
    const listed = await a.escalations.listDue(at(10), 3);
    expect(listed.map((s) => [s.seq, s.index])).toEqual([
      [other, 0],
      [seq, 0],
      [other, 1],
    ]);
    expect(listed[0]).toMatchObject({ policy: 'default', notify: ['U0ALICE'], incidentStatus: 'open' });
    await a.escalations.markFired(other, 0, at(10));
    expect(await a.escalations.cancel(seq, at(10))).toBe(3);
    expect((await a.escalations.listDue(at(90), 10)).map((s) => [s.seq, s.index])).toEqual([[other, 1]]);
    expect((await a.escalations.list(seq)).map((s) => s.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(await a.escalations.claim(seq, 0, at(90), at(91))).toBe(false);
  });

  it('cancels once: of two processes cancelling at the same time, one answers the stages it cancelled', async () => {
    const { a, b, seq } = await twoStoresWithIncident();
    await a.escalations.schedule([stage(seq, 0, opened), stage(seq, 1, at(10)), stage(seq, 2, at(20))]);
    await a.escalations.markFired(seq, 0, at(1));
    expect(await a.escalations.claim(seq, 1, at(10), at(11))).toBe(true);
    const cancelled = await Promise.all([
      a.escalations.cancel(seq, at(10)),
      b.escalations.cancel(seq, at(10)),
    ]);
    expect(cancelled.sort()).toEqual([0, 2]);
    expect((await b.escalations.list(seq)).map((s) => s.status)).toEqual(['fired', 'cancelled', 'cancelled']);
  });
});
