import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/incidents/incident.ts';
import type { NewEscalationStage } from '../../../src/store/escalation-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';

const opened = new Date('2026-11-22T09:00:00Z');
const MINUTE = 60_000;
const at = (minutes: number) => new Date(opened.getTime() + minutes * MINUTE);

const policy = (seq: number, name: string, from: Date): NewEscalationStage[] => [
  { seq, index: 0, policy: name, notify: ['U0ALICE'], dueAt: from },
  { seq, index: 1, policy: name, notify: ['U0BOB'], dueAt: new Date(from.getTime() + 10 * MINUTE) },
];

function createIncident(store: Store, overrides: Partial<Incident> = {}): Promise<number> {
  return declareIncident(store, opened, overrides);
}

/** The signal raised the stored impact (as intake's applySignal would). */
async function raiseImpact(store: Store, seq: number, impact: 1 | 2, now: Date): Promise<void> {
  await store.mutateIncident(seq, now, (incident) => ({
    kind: 'changed',
    incident: { ...incident, impact, version: incident.version + 1 },
    entry: { at: now, kind: 'signal', actor: 'aws:cloudwatch-alarm', text: `impact ${impact}` },
  }));
}

async function snooze(store: Store, seq: number, until: Date | undefined, now: Date): Promise<void> {
  await store.mutateIncident(seq, now, (incident) => ({
    kind: 'changed',
    incident: {
      ...incident,
      snooze: until ? { by: 'U0ALICE', at: now, until } : undefined,
      version: incident.version + 1,
    },
    entry: { at: now, kind: 'annotation', actor: 'U0ALICE', text: until ? 'snoozed' : 'unsnoozed' },
  }));
}

describeEachStoreAdapter('escalation claims', (adapter) => {
  /** Two Store instances on one backing store: two warroom processes sharing it. */
  async function open(): Promise<{ a: Store; b: Store }> {
    const a = await adapter.open();
    return { a, b: await adapter.openAnother(a) };
  }

  describe('an impact raise re-evaluates the policy once', () => {
    it('starts the new policy for one of two processes raising at the same time, cancelling the old', async () => {
      const { a, b } = await open();
      const seq = await createIncident(a);
      await a.escalations.schedule(policy(seq, 'low', opened));
      await a.escalations.markFired(seq, 0, opened);
      await raiseImpact(a, seq, 2, at(3));

      const written = await Promise.all([
        a.escalations.startImpactRound(seq, 2, at(3), policy(seq, 'high', at(3))),
        b.escalations.startImpactRound(seq, 2, at(3), policy(seq, 'high', at(3))),
      ]);
      expect(written.sort()).toEqual([0, 2]);
      const stages = await a.escalations.list(seq);
      expect(stages.map((stage) => [stage.index, stage.policy, stage.status, stage.dueAt])).toEqual([
        [0, 'high', 'due', at(3)],
        [1, 'high', 'due', at(13)],
      ]);
      // Both processes see the one round.
      expect(await b.escalations.list(seq)).toEqual(stages);
    });

    it('starts nothing a second time, even after the new policy fired', async () => {
      const { a } = await open();
      const seq = await createIncident(a);
      await raiseImpact(a, seq, 2, at(1));
      expect(await a.escalations.startImpactRound(seq, 2, at(1), policy(seq, 'high', at(1)))).toBe(2);
      await a.escalations.markFired(seq, 0, at(1));
      expect(await a.escalations.startImpactRound(seq, 2, at(5), policy(seq, 'high', at(5)))).toBe(0);
      expect((await a.escalations.list(seq)).map((stage) => stage.status)).toEqual(['fired', 'due']);
    });

    it('starts nothing for a raise the stored impact has moved past, and starts the newer one', async () => {
      const { a } = await open();
      const seq = await createIncident(a);
      await raiseImpact(a, seq, 2, at(1));
      await raiseImpact(a, seq, 1, at(2));
      // The handler for 3 → 2 runs late, after the incident reached 1: it must not win.
      expect(await a.escalations.startImpactRound(seq, 2, at(2), policy(seq, 'high', at(2)))).toBe(0);
      expect(await a.escalations.startImpactRound(seq, 1, at(2), policy(seq, 'critical', at(2)))).toBe(2);
      expect((await a.escalations.list(seq)).map((stage) => stage.policy)).toEqual(['critical', 'critical']);
    });

    it("leaves room for the new policy's repeats where the old policy had more stages", async () => {
      const { a } = await open();
      const seq = await createIncident(a);
      await a.escalations.schedule([
        ...policy(seq, 'low', opened),
        { ...policy(seq, 'low', opened)[1]!, index: 2 },
      ]);
      await a.escalations.markFired(seq, 0, opened);
      await raiseImpact(a, seq, 2, at(3));
      const single = {
        seq,
        index: 0,
        policy: 'high',
        notify: ['U0CAROL'],
        dueAt: at(3),
        repeatEveryMs: 10 * MINUTE,
      };
      expect(await a.escalations.startImpactRound(seq, 2, at(3), [single])).toBe(1);
      await a.escalations.markFired(seq, 0, at(3));
      // What firing a stage with a repeat writes next.
      expect(await a.escalations.schedule([{ ...single, index: 1, dueAt: at(13) }])).toBe(1);
      expect(
        (await a.escalations.list(seq)).map((stage) => [stage.index, stage.policy, stage.status]),
      ).toEqual([
        [0, 'high', 'fired'],
        [1, 'high', 'due'],
      ]);
    });

    it('clears a long history of repeats (more than one transaction holds) for the new policy', async () => {
      const { a } = await open();
      const seq = await createIncident(a);
      // The low policy repeated 120 times; its latest repeat is still due.
      const history = Array.from({ length: 120 }, (_, index) => ({
        seq,
        index,
        policy: 'low',
        notify: ['U0ALICE'],
        dueAt: at(index),
        repeatEveryMs: MINUTE,
      }));
      expect(await a.escalations.schedule(history)).toBe(120);
      for (const { index } of history.slice(0, -1)) await a.escalations.markFired(seq, index, at(index));
      await raiseImpact(a, seq, 2, at(120));
      expect(await a.escalations.startImpactRound(seq, 2, at(120), policy(seq, 'high', at(120)))).toBe(2);
      expect(
        (await a.escalations.list(seq)).map((stage) => [stage.index, stage.policy, stage.status]),
      ).toEqual([
        [0, 'high', 'due'],
        [1, 'high', 'due'],
      ]);
      expect((await a.escalations.listDue(at(200), 10)).map((stage) => stage.policy)).toEqual([
        'high',
        'high',
      ]);
    });

    it('keeps each incident apart', async () => {
      const { a } = await open();
      const first = await createIncident(a);
      const second = await createIncident(a, { groupKey: 'rds-instance:123456789012:us-east-1:billing-db' });
      await raiseImpact(a, first, 2, at(1));
      await raiseImpact(a, second, 2, at(1));
      expect(await a.escalations.startImpactRound(first, 2, at(1), policy(first, 'high', at(1)))).toBe(2);
      expect(await a.escalations.startImpactRound(second, 2, at(1), policy(second, 'high', at(1)))).toBe(2);
    });
  });

  describe("a snoozed incident's stages wait", () => {
    it('neither lists nor claims a due stage until the snooze is over', async () => {
      const { a, b } = await open();
      const seq = await createIncident(a);
      await a.escalations.schedule(policy(seq, 'low', opened));
      await snooze(a, seq, at(30), at(1));

      expect(await b.escalations.listDue(at(12), 10)).toEqual([]);
      expect(await b.escalations.claim(seq, 1, at(12), at(13))).toBe(false);
      expect((await b.escalations.listDue(at(30), 10)).map((stage) => stage.index)).toEqual([0, 1]);
      expect(await b.escalations.claim(seq, 1, at(30), at(31))).toBe(true);
    });

    it('lists the stages again at once when the snooze is taken off early', async () => {
      const { a } = await open();
      const seq = await createIncident(a);
      await a.escalations.schedule(policy(seq, 'low', opened));
      await snooze(a, seq, at(30), at(1));
      await snooze(a, seq, undefined, at(12));
      expect((await a.escalations.listDue(at(12), 10)).map((stage) => stage.index)).toEqual([0, 1]);
      expect(await a.escalations.claim(seq, 0, at(12), at(13))).toBe(true);
    });

    it("holds only the snoozed incident's stages", async () => {
      const { a } = await open();
      const snoozed = await createIncident(a);
      const other = await createIncident(a, { groupKey: 'rds-instance:123456789012:us-east-1:billing-db' });
      await a.escalations.schedule([...policy(snoozed, 'low', opened), ...policy(other, 'low', opened)]);
      await snooze(a, snoozed, at(30), at(1));
      expect((await a.escalations.listDue(at(12), 10)).map((stage) => stage.seq)).toEqual([other, other]);
    });
  });
});
