import { expect, it } from 'vitest';
import { resolve } from '../../../src/incidents/transitions.ts';
import type { NewEngagement } from '../../../src/store/engagement-store.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';

const now = new Date('2026-11-22T09:30:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

const engagement = (seq: number, id: string, startedAt = now): NewEngagement => ({
  engagementArn: `arn:aws:ssm-contacts:us-east-1:123456789012:engagement/oncall/${id}`,
  seq,
  dedupeKey: `stage:${seq}:0`,
  contactArn: `arn:aws:ssm-contacts:us-east-1:123456789012:contact/${id}`,
  contactAlias: id,
  startedAt,
});

describeEachStoreAdapter('SSM Contacts engagements', (adapter) => {
  it('records an engagement once and finds it by page request and contact', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    const first = engagement(seq, 'alice');
    expect(await store.engagements.record(first)).toBe(true);
    expect(await store.engagements.record(first)).toBe(false);
    expect(await store.engagements.find(first.dedupeKey, first.contactArn)).toMatchObject({
      engagementArn: first.engagementArn,
      stopAttempts: 0,
      startedAt: now,
    });
    expect(await store.engagements.find(first.dedupeKey, 'arn:other')).toBeUndefined();
    expect(await store.engagements.list(seq)).toHaveLength(1);
  });

  it('posts acceptance once, even from two Store instances on one backing store', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const seq = await declareIncident(store, now);
    const first = engagement(seq, 'alice');
    await store.engagements.record(first);
    const accepted = await Promise.all([
      store.engagements.markAccepted(first.engagementArn, later(1000)),
      other.engagements.markAccepted(first.engagementArn, later(2000)),
    ]);
    expect(accepted.filter(Boolean)).toHaveLength(1);
    expect(await store.engagements.markAccepted(first.engagementArn, later(3000))).toBe(false);
  });

  it("lists engagements not yet stopped, oldest first, with their incident's status now", async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    await store.engagements.record(engagement(seq, 'bob', later(1000)));
    await store.engagements.record(engagement(seq, 'alice'));
    await store.engagements.record(engagement(seq, 'carol', later(2000)));
    await store.engagements.markStopped(engagement(seq, 'carol').engagementArn, later(3000));
    await store.engagements.recordStopFailure(engagement(seq, 'bob').engagementArn, 'throttled');
    await store.mutateIncident(seq, now, (incident) => resolve(incident, 'done', { userId: 'U1' }, now));
    const open = await store.engagements.listOpen(10);
    expect(open.map((item) => [item.contactAlias, item.incidentStatus, item.stopAttempts])).toEqual([
      ['alice', 'resolved', 0],
      ['bob', 'resolved', 1],
    ]);
    expect(await store.engagements.listOpen(1)).toHaveLength(1);
  });

  it('refuses a second engagement for the same page request and contact, keeping the first', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    const first = engagement(seq, 'alice');
    await store.engagements.record(first);
    const second = { ...first, engagementArn: `${first.engagementArn}-again` };
    await expect(store.engagements.record(second)).rejects.toThrow();
    expect((await store.engagements.find(first.dedupeKey, first.contactArn))?.engagementArn).toBe(
      first.engagementArn,
    );
    expect((await store.engagements.list(seq)).map((item) => item.engagementArn)).toEqual([
      first.engagementArn,
    ]);
  });

  it('accepts once among many callers on two Stores, keeping the winning time', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const seq = await declareIncident(store, now);
    const first = engagement(seq, 'alice');
    await store.engagements.record(first);
    const times = [1, 2, 3, 4, 5, 6].map((n) => later(n * 1000));
    const accepted = await Promise.all(
      times.map((at, n) => (n % 2 === 0 ? store : other).engagements.markAccepted(first.engagementArn, at)),
    );
    expect(accepted.filter(Boolean)).toHaveLength(1);
    const winner = times[accepted.indexOf(true)];
    expect((await other.engagements.find(first.dedupeKey, first.contactArn))?.acceptedAt).toEqual(winner);
    expect(
      await other.engagements.markAccepted('arn:aws:ssm-contacts:us-east-1:1:engagement/x/none', now),
    ).toBe(false);
  });

  it("lists an incident's engagements oldest first, and keeps the first stop time", async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    const another = await declareIncident(store, now, { groupKey: 'other:k' });
    await store.engagements.record(engagement(seq, 'bob', later(1000)));
    await store.engagements.record(engagement(seq, 'alice'));
    await store.engagements.record(engagement(another, 'carol'));
    await store.engagements.markStopped(engagement(seq, 'bob').engagementArn, later(2000));
    await store.engagements.markStopped(engagement(seq, 'bob').engagementArn, later(9000));
    const listed = await store.engagements.list(seq);
    expect(listed.map((item) => [item.contactAlias, item.stoppedAt])).toEqual([
      ['alice', undefined],
      ['bob', later(2000)],
    ]);
    const open = await store.engagements.listOpen(10);
    expect(open.map((item) => [item.contactAlias, item.seq, item.incidentStatus])).toEqual([
      ['alice', seq, 'open'],
      ['carol', another, 'open'],
    ]);
  });
});
