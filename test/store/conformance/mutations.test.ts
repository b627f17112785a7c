import { expect, it } from 'vitest';
import { acknowledge, addNote, reopen, resolve, setImpact } from '../../../src/incidents/transitions.ts';
import { openIncident } from '../../support/incident-fixtures.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';

const now = new Date('2026-11-22T09:30:00Z');

describeEachStoreAdapter('mutateIncident', (adapter) => {
  async function storeWithIncident(overrides = {}) {
    const store = await adapter.open();
    return { store, seq: await declareIncident(store, now, overrides) };
  }

  it('changes state once for 50 concurrent acknowledges, with one timeline entry', async () => {
    const { store, seq } = await storeWithIncident();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.mutateIncident(seq, now, (incident) => acknowledge(incident, { userId: `U${i}` }, now)),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'changed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'unchanged')).toHaveLength(49);
    expect((await store.listTimeline(seq)).filter((entry) => entry.kind === 'status')).toHaveLength(1);
  });

  it('changes state once for acknowledges from two Store instances on one backing store', async () => {
    const { store, seq } = await storeWithIncident();
    const other = await adapter.openAnother(store);
    const outcomes = await Promise.all(
      [store, other, store, other].map((handle, i) =>
        handle.mutateIncident(seq, now, (incident) => acknowledge(incident, { userId: `U${i}` }, now)),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'changed')).toHaveLength(1);
    expect((await other.listTimeline(seq)).filter((entry) => entry.kind === 'status')).toHaveLength(1);
    expect((await other.getIncident(seq))?.status).toBe('acknowledged');
  });

  it('treats a repeated dedupe key as a duplicate (a double-submitted note)', async () => {
    const { store, seq } = await storeWithIncident();
    const note = (incident: Parameters<typeof addNote>[0]) =>
      addNote(incident, 'looked at PI', { userId: 'U1' }, now);
    expect((await store.mutateIncident(seq, now, note, 'view:V1')).kind).toBe('changed');
    expect((await store.mutateIncident(seq, now, note, 'view:V1')).kind).toBe('duplicate');
    expect((await store.listTimeline(seq)).filter((entry) => entry.kind === 'note')).toHaveLength(1);
  });

  it('stores from → to on the timeline', async () => {
    const { store, seq } = await storeWithIncident();
    await store.mutateIncident(seq, now, (incident) => setImpact(incident, 1, { userId: 'U1' }, now));
    const entry = (await store.listTimeline(seq)).find((candidate) => candidate.kind === 'impact');
    expect(entry).toMatchObject({ actor: 'U1', from: '3', to: '1' });
  });

  it('queues Incident Manager writes with the change, and only for incidents that live there', async () => {
    const plain = await storeWithIncident();
    await plain.store.mutateIncident(plain.seq, now, (incident) =>
      setImpact(incident, 2, { userId: 'U1' }, now),
    );
    expect(await plain.store.listDueOutbox(now, 10)).toEqual([]);
    const linked = await storeWithIncident({
      incidentManagerArn: 'arn:aws:ssm-incidents::123456789012:incident-record/db/x',
    });
    const queuedAtOpen = (await linked.store.listDueOutbox(now, 10)).length;
    await linked.store.mutateIncident(linked.seq, now, (incident) =>
      setImpact(incident, 2, { userId: 'U1' }, now),
    );
    const due = await linked.store.listDueOutbox(now, 10);
    expect(due.length - queuedAtOpen).toBe(2);
    expect(due.map((item) => item.write.kind)).toContain('update-record');
    await linked.store.failOutbox(due[0]?.id ?? 0, 'AWS is throttling', new Date(now.getTime() + 60_000));
    expect((await linked.store.listUnfinishedOutbox(linked.seq))[0]).toMatchObject({
      attempts: 1,
      lastError: 'AWS is throttling',
    });
    await linked.store.completeOutbox(due[0]?.id ?? 0, now);
    expect((await linked.store.listUnfinishedOutbox(linked.seq)).length).toBe(due.length - 1);
  });

  it('refuses to reopen when another incident is open for the same problem', async () => {
    const { store, seq } = await storeWithIncident();
    await store.mutateIncident(seq, now, (incident) => resolve(incident, 'done', { userId: 'U1' }, now));
    const { seq: _ignored, ...again } = openIncident();
    const { incident: second } = await store.createIncident(again, {
      at: now,
      kind: 'opened',
      actor: 'aws:x',
      text: 'again',
    });
    const outcome = await store.mutateIncident(seq, now, (incident) =>
      reopen(incident, 'again', { userId: 'U1' }, now),
    );
    expect(outcome).toMatchObject({ kind: 'unchanged', code: 'OTHER_OPEN' });
    expect(outcome.kind === 'unchanged' && outcome.message).toContain(`INC-${second.seq}`);
    expect((await store.getIncident(seq))?.status).toBe('resolved');
  });

  it('answers not-found for an unknown incident', async () => {
    const { store } = await storeWithIncident();
    expect(
      await store.mutateIncident(999, now, (incident) => acknowledge(incident, { userId: 'U1' }, now)),
    ).toEqual({ kind: 'not-found' });
  });
});
