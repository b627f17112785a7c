import type { OutboxItem } from '../../../src/store/outbox.ts';
import type { Store } from '../../../src/store/store.ts';
import type { Fixture } from './copy-fixture.ts';

/** Outbox ids are each adapter's own numbering (SQLite's row id, DynamoDB's seq × 10⁶ + n): compare the rest. */
const withoutIds = (items: OutboxItem[]) => items.map(({ id: _id, ...rest }) => rest);
/**
 * The due list's order is the adapter's own (SQLite by row id, DynamoDB by next attempt), not the
 * copy's doing: compared as a set.
 */
const asSet = (items: OutboxItem[]) =>
  withoutIds(items).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/**
 * Every read of the Store port, asked about everything the fixture made (and a few things it did
 * not), at the times its work falls due: two stores that answer this alike hold the same state.
 */
export async function readEverything(store: Store, fixture: Fixture, times: readonly Date[]) {
  const seqs = Array.from({ length: fixture.lastSeq + 1 }, (_, i) => i + 1);
  const perIncident = async (seq: number) => ({
    incident: await store.getIncident(seq),
    timeline: await store.listTimeline(seq),
    cards: await store.listCards(seq),
    cardsByChannel: await Promise.all(fixture.channels.map((channel) => store.getCard(seq, channel))),
    unfinishedOutbox: withoutIds(await store.listUnfinishedOutbox(seq)),
    executions: await store.runbooks.listExecutions(seq),
    stages: await store.escalations.list(seq),
    engagements: await store.engagements.list(seq),
    pageDms: await store.pageDms.listFor(seq),
    pageDmsBehind: await store.pageDms.listBehind(seq, 100),
    review: await store.reviews.get(seq),
    followUps: await store.followUps.listFor(seq),
  });
  const atTime = async (now: Date) => ({
    dueNotifications: await store.listDueNotifications(now, 100),
    dueOutbox: asSet(await store.listDueOutbox(now, 100)),
    dueExecutions: await store.runbooks.listDueExecutions(now, 100),
    requestsNeedingWork: await store.runbooks.listRequestsNeedingWork(now, 100),
    dueWatches: await store.snapshotWatches.listDue(now, 100),
    dueStages: await store.escalations.listDue(now, 100),
  });
  return {
    incidents: await Promise.all(seqs.map(perIncident)),
    openIncidents: await store.listOpenIncidents(),
    needingCardSync: await store.listIncidentsNeedingCardSync(),
    notifications: {
      pending: await store.countNotifications('pending'),
      processed: await store.countNotifications('processed'),
      failed: await store.countNotifications('failed'),
    },
    byChannel: await Promise.all(fixture.channels.map((channel) => store.findIncidentByChannel(channel))),
    cardedIn: await Promise.all(fixture.channels.map((channel) => store.listOpenIncidentsCardedIn(channel))),
    byCard: await Promise.all(
      fixture.cardMessages.map(({ channel, ts }) => store.findIncidentByCard(channel, ts)),
    ),
    executions: await Promise.all(fixture.executionIds.map((id) => store.runbooks.getExecution(id))),
    byToken: await Promise.all(
      fixture.clientTokens.map((token) => store.runbooks.findExecutionByToken(token)),
    ),
    requests: await Promise.all(fixture.requestIds.map((id) => store.runbooks.getRequest(id))),
    engagements: await Promise.all(
      fixture.engagements.map(({ dedupeKey, contactArn }) => store.engagements.find(dedupeKey, contactArn)),
    ),
    openEngagements: await store.engagements.listOpen(100),
    watches: await Promise.all(fixture.snapshots.map((key) => store.snapshotWatches.get(key))),
    activeWatches: await store.snapshotWatches.countActive(),
    followUps: await Promise.all(
      [...fixture.followUps.map(({ id }) => id), 'fu-0000000000'].map((id) => store.followUps.get(id)),
    ),
    openFollowUps: await store.followUps.listOpen(),
    atTimes: await Promise.all(times.map(atTime)),
  };
}
