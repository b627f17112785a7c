import { expect, it } from 'vitest';
import { resolve } from '../../../src/incidents/transitions.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';
import { notification } from './signal-fixtures.ts';

const now = new Date('2026-11-22T09:30:00Z');
const billing = { groupKey: 'rds-instance:123456789012:us-east-1:billing-db' };

describeEachStoreAdapter('lookups and links', (adapter) => {
  it('reads several incidents at once in the order asked, leaving out unknown ones', async () => {
    const store = await adapter.open();
    const seqs: number[] = [];
    // More than one DynamoDB BatchGetItem holds (100 keys).
    for (let i = 0; i < 105; i++) {
      seqs.push(await declareIncident(store, now, { groupKey: `rds-instance:1:us-east-1:db-${i}` }));
    }
    const asked = [seqs[104], 999, seqs[0], seqs[50], seqs[0]] as number[];
    const found = await store.getIncidents(asked);
    expect(found.map((incident) => incident.seq)).toEqual([seqs[104], seqs[0], seqs[50], seqs[0]]);
    expect(found[0]?.openedAt).toBeInstanceOf(Date);
    expect((await store.getIncidents(seqs)).map((incident) => incident.seq)).toEqual(seqs);
    expect(await store.getIncidents([])).toEqual([]);
  });

  it('finds an incident by its own channel and by its card, resolved or not', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now, { channelId: 'C0INC7' });
    await store.beginCardPost(seq, 'C0ALERTS', now);
    await store.recordCardPosted(seq, 'C0ALERTS', '1700000000.000100', 1);
    await store.mutateIncident(seq, now, (incident) => resolve(incident, 'done', { userId: 'U1' }, now));
    expect((await store.findIncidentByChannel('C0INC7'))?.seq).toBe(seq);
    expect((await store.findIncidentByCard('C0ALERTS', '1700000000.000100'))?.seq).toBe(seq);
    expect(await store.findIncidentByChannel('C0OTHER')).toBeUndefined();
    expect(await store.findIncidentByCard('C0ALERTS', '1700000000.000999')).toBeUndefined();
    expect(await store.findIncidentByCard('C0OTHER', '1700000000.000100')).toBeUndefined();
  });

  it('lists the open incidents carded in a channel, newest first, leaving out resolved ones', async () => {
    const store = await adapter.open();
    const first = await declareIncident(store, now);
    const second = await declareIncident(store, now, billing);
    const resolved = await declareIncident(store, now, { groupKey: 'rds-instance:1:us-east-1:old-db' });
    const elsewhere = await declareIncident(store, now, { groupKey: 'rds-instance:1:us-east-1:x-db' });
    for (const seq of [first, second, resolved]) await store.beginCardPost(seq, 'C0ALERTS', now);
    await store.beginCardPost(elsewhere, 'C0OTHER', now);
    await store.mutateIncident(resolved, now, (incident) => resolve(incident, 'done', { userId: 'U1' }, now));
    expect((await store.listOpenIncidentsCardedIn('C0ALERTS')).map((incident) => incident.seq)).toEqual([
      second,
      first,
    ]);
  });

  it('marks a notification processed without touching any incident', async () => {
    const store = await adapter.open();
    await store.saveNotification(notification('m1'));
    await store.markNotificationProcessed('m1', 'runbook-status', now);
    expect(await store.listDueNotifications(now, 10)).toEqual([]);
    expect(await store.countNotifications('processed')).toBe(1);
    expect(await store.listOpenIncidents()).toEqual([]);
  });

  it('links an incident to its Incident Manager record once, with one timeline entry', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    const arn = 'arn:aws:ssm-incidents::123456789012:incident-record/db/abc';
    await store.linkIncidentManager(seq, arn, now);
    await store.linkIncidentManager(seq, arn, now);
    expect((await store.getIncident(seq))?.incidentManagerArn).toBe(arn);
    const links = (await store.listTimeline(seq)).filter((entry) => entry.actor === 'aws:incident-manager');
    expect(links.map((entry) => entry.text)).toEqual([`started in Incident Manager as ${arn}`]);
  });
});
