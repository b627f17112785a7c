import { expect, it } from 'vitest';
import type { NewEscalationStage } from '../../../src/store/escalation-store.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';

const opened = new Date('2026-11-22T09:00:00Z');
const MINUTE = 60_000;
const round = (seq: number, from: Date): NewEscalationStage[] => [
  { seq, index: 0, policy: 'default', notify: ['U0ALICE'], dueAt: from },
  { seq, index: 1, policy: 'default', notify: ['U0BOB'], dueAt: new Date(from.getTime() + 5 * MINUTE) },
];

describeEachStoreAdapter('escalation rounds (a reopened incident)', (adapter) => {
  /** Two Store instances on one backing store (two warroom processes sharing it), with an incident. */
  async function twoStoresWithIncident() {
    const a = await adapter.open();
    const b = await adapter.openAnother(a);
    return { a, b, seq: await declareIncident(a, opened) };
  }

  it('writes a new round over a cancelled one once, even when two processes ask at the same time', async () => {
    const { a, b, seq } = await twoStoresWithIncident();
    await a.escalations.schedule(round(seq, opened));
    await a.escalations.markFired(seq, 0, opened);
    await a.escalations.cancel(seq, new Date(opened.getTime() + MINUTE));

    const reopenedAt = new Date(opened.getTime() + 10 * MINUTE);
    const written = await Promise.all([
      a.escalations.scheduleRound(seq, reopenedAt, round(seq, reopenedAt)),
      b.escalations.scheduleRound(seq, reopenedAt, round(seq, reopenedAt)),
    ]);
    expect(written.sort()).toEqual([0, 2]);
    const stages = await a.escalations.list(seq);
    expect(
      stages.map((stage) => [stage.index, stage.status, stage.dueAt.toISOString(), stage.attempts]),
    ).toEqual([
      [0, 'due', reopenedAt.toISOString(), 0],
      [1, 'due', new Date(reopenedAt.getTime() + 5 * MINUTE).toISOString(), 0],
    ]);
  });

  it('does not write the round again once it fired, and cancels a repeat left from the old round', async () => {
    const { a, seq } = await twoStoresWithIncident();
    // The old round fired, and its repeat was still waiting (the cancel at resolve never ran).
    const repeat = new Date(opened.getTime() + 8 * MINUTE);
    await a.escalations.schedule([
      ...round(seq, opened),
      { seq, index: 2, policy: 'default', notify: ['U0BOB'], dueAt: repeat },
    ]);
    await a.escalations.markFired(seq, 0, opened);
    await a.escalations.markFired(seq, 1, opened);
    const reopenedAt = new Date(opened.getTime() + 10 * MINUTE);
    expect(await a.escalations.scheduleRound(seq, reopenedAt, round(seq, reopenedAt))).toBe(2);
    expect((await a.escalations.list(seq)).map((stage) => stage.status)).toEqual(['due', 'due', 'cancelled']);
    await a.escalations.markFired(seq, 0, reopenedAt);
    await a.escalations.markFired(seq, 1, reopenedAt);
    expect(await a.escalations.scheduleRound(seq, reopenedAt, round(seq, reopenedAt))).toBe(0);
    expect((await a.escalations.list(seq)).map((stage) => stage.status)).toEqual([
      'fired',
      'fired',
      'cancelled',
    ]);
  });
});
