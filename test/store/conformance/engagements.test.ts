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
});
