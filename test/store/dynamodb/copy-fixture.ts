import type { Incident, NewIncident, TimelineEntry } from '../../../src/incidents/index.ts';
import { acknowledge, addNote, resolve, setImpact } from '../../../src/incidents/transitions.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { openIncident } from '../../support/incident-fixtures.ts';
import { execution, request, runbookEntry } from '../conformance/runbook-fixtures.ts';
import { applyCpuAlarm, notification } from '../conformance/signal-fixtures.ts';
import { addPostIncident, type PostIncidentFixture } from './copy-post-incident-fixture.ts';

/** The fixture's clock: everything happens within minutes of it. */
export const t0 = new Date('2026-11-22T09:30:00Z');
export const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const IM_ARN = 'arn:aws:ssm-incidents::123456789012:incident-record/db/orders';
const ALERTS = 'C0ALERTS';
const alice = { userId: 'U0ALICE' };

async function declare(store: Store, db: string, overrides: Partial<Incident> = {}): Promise<number> {
  const { seq: _seq, ...incident } = openIncident({
    groupKey: `rds-instance:1:us-east-1:${db}`,
    ...overrides,
  });
  const entry: TimelineEntry = {
    at: t0,
    kind: 'opened',
    actor: 'U0ALICE',
    text: db,
    dedupeKey: `declare:${db}`,
  };
  return (await store.createIncident(incident, entry)).incident.seq;
}

function newStorm(): { create: NewIncident; entry: TimelineEntry } {
  const { seq: _seq, ...create } = openIncident({
    groupKey: 'storm:cpu',
    title: 'Storm',
    storm: { key: 'cpu', what: 'CPUUtilization alarms', members: [] },
  });
  return {
    create,
    entry: { at: t0, kind: 'opened', actor: 'warroom', text: 'storm', dedupeKey: 'storm:cpu:1' },
  };
}

/** What the copy must keep findable, beside each incident by number. */
export interface Fixture {
  lastSeq: number;
  channels: string[];
  cardMessages: { channel: string; ts: string }[];
  executionIds: string[];
  clientTokens: string[];
  requestIds: string[];
  engagements: { dedupeKey: string; contactArn: string }[];
  snapshots: { kind: 'instance' | 'cluster'; snapshotId: string }[];
  dedupeKeys: string[];
  followUps: PostIncidentFixture['followUps'];
}

/**
 * A SQLite store with incidents in every state and work of every kind pending, built through the
 * real SqliteStore API as warroom builds it, then closed (a stopped install).
 */
export async function buildSqliteStore(path: string): Promise<Fixture> {
  const store = new SqliteStore(path);
  // An alarm: the notification processed, the incident open, its card posted and then behind.
  await store.saveNotification(notification('m-1'));
  const alarm = (await applyCpuAlarm(store, 'm-1', 'rds-instance:1:us-east-1:cpu')).incident!.seq;
  await store.beginCardPost(alarm, ALERTS, t0);
  await store.recordCardPosted(alarm, ALERTS, '1700000000.000100', 1);
  await store.mutateIncident(alarm, at(1), (i) => acknowledge(i, alice, at(1)));
  // Waiting, retried and given-up notifications.
  await store.saveNotification({ ...notification('m-pending'), receivedAt: at(2) });
  await store.saveNotification({ ...notification('m-retry'), receivedAt: at(1) });
  await store.recordNotificationFailure('m-retry', 'parse failed', at(10));
  await store.saveNotification(notification('m-failed'));
  await store.recordNotificationFailure('m-failed', 'gave up', undefined);

  // Linked to Incident Manager: writes pending, done, retried and failed; its own channel and cards.
  const linked = await declare(store, 'orders', { incidentManagerArn: IM_ARN, impact: 3 });
  await store.mutateIncident(linked, at(1), (i) => setImpact(i, 2, alice, at(1)));
  await store.mutateIncident(linked, at(2), (i) => addNote(i, 'looking', alice, at(2), 'view:V1'));
  await store.mutateIncident(linked, at(3), (i) => ({
    kind: 'changed',
    incident: { ...i, channelId: 'C0INC1', version: i.version + 1, updatedAt: at(3) },
    entry: { at: at(3), kind: 'annotation', actor: 'warroom', text: 'channel' },
  }));
  const queued = await store.listUnfinishedOutbox(linked);
  await store.completeOutbox(queued[0]!.id, at(4));
  await store.failOutbox(queued[1]!.id, 'throttled', at(20));
  if (queued[2]) await store.failOutbox(queued[2].id, 'denied', undefined);
  await store.beginCardPost(linked, ALERTS, t0);
  await store.recordCardPosted(linked, ALERTS, '1700000000.000200', 4);
  await store.beginCardPost(linked, 'C0INC1', at(3));

  // Resolved: history only, its card current.
  const done = await declare(store, 'billing');
  await store.mutateIncident(done, at(5), (i) => resolve(i, 'fixed', alice, at(5)));
  const doneVersion = (await store.getIncident(done))!.version;
  await store.beginCardPost(done, ALERTS, t0);
  await store.recordCardPosted(done, ALERTS, '1700000000.000300', doneVersion);

  // A storm of two members, one of which had a page DM that moved to the storm.
  const memberA = await declare(store, 'db-a');
  const memberB = await declare(store, 'db-b');
  const reason = { kind: 'stage' as const, policy: 'default', index: 0, repeat: false };
  await store.pageDms.record({ channel: 'D0BOB', ts: '1.000001', seq: memberA, reason, renderedVersion: 1 });
  await store.pageDms.record({ channel: 'D0CAROL', ts: '1.000002', seq: linked, reason, renderedVersion: 3 });
  const storm = (await store.joinStorm(newStorm(), [memberA, memberB], at(6)))!.storm.seq;
  await store.pageDms.moveToStorm(memberA, storm);

  // Runbooks: a running execution with its thread message, and a pending two-person request.
  const running = execution(linked);
  await store.runbooks.recordExecutionStarted(
    running,
    runbookEntry('started', `automation:${running.executionId}`),
    [],
  );
  await store.runbooks.recordExecutionMessage(running.executionId, 'C0INC1', '1700000001.000100', 1);
  const pending = request(linked);
  await store.runbooks.createRequest(pending, runbookEntry('asked', `request:${pending.id}`));

  // Escalation: a stage fired, one claimed, two due; an impact round taken.
  const stage = (index: number, minutes: number) => ({
    seq: alarm,
    index,
    policy: 'default',
    notify: ['U0ALICE'],
    dueAt: at(minutes),
    ...(index === 3 ? { repeatEveryMs: 600_000 } : {}),
  });
  await store.escalations.schedule([stage(0, 0), stage(1, 5), stage(2, 10), stage(3, 15)]);
  await store.escalations.claim(alarm, 0, at(0), at(1));
  await store.escalations.markFired(alarm, 0, at(0));
  await store.escalations.claim(alarm, 1, at(6), at(7));
  await store.escalations.recordFailure(alarm, 1, 'Slack said ratelimited');
  await store.escalations.startImpactRound(linked, 2, at(2), [{ ...stage(0, 2), seq: linked }]);

  // Engagements: one open, one accepted and stopped.
  const engagement = (id: string) => ({
    engagementArn: `arn:aws:ssm-contacts:us-east-1:123456789012:engagement/oncall/${id}`,
    seq: alarm,
    dedupeKey: `stage:${alarm}:${id}`,
    contactArn: `arn:aws:ssm-contacts:us-east-1:123456789012:contact/${id}`,
    contactAlias: id,
    startedAt: at(1),
  });
  await store.engagements.record(engagement('alice'));
  await store.engagements.record({ ...engagement('bob'), slackUser: 'U0BOB' });
  await store.engagements.markAccepted(engagement('bob').engagementArn, at(2));
  await store.engagements.recordStopFailure(engagement('bob').engagementArn, 'throttled');
  await store.engagements.markStopped(engagement('bob').engagementArn, at(3));

  // Snapshot watches: watching, reporting (claimed), done.
  const watch = (snapshotId: string) => ({
    kind: 'instance' as const,
    snapshotId,
    seq: linked,
    sourceId: 'orders-db',
    startedBy: 'U0ALICE',
    startedAt: t0,
    delayMs: 30_000,
    nextCheckAt: at(1),
  });
  await store.snapshotWatches.add(watch('snap-watching'));
  await store.snapshotWatches.add(watch('snap-reporting'));
  await store.snapshotWatches.claimReport(watch('snap-reporting'), { kind: 'available' }, at(2), at(3));
  await store.snapshotWatches.add(watch('snap-done'));
  await store.snapshotWatches.finish(watch('snap-done'), at(4));

  // Reviews and follow-ups: the resolved incident's review complete, the linked one's a draft.
  const { followUps } = await addPostIncident(store, { claimed: memberB, draft: linked, complete: done }, t0);

  const lastSeq = storm;
  store.close();
  return {
    lastSeq,
    channels: [ALERTS, 'C0INC1', 'C0NONE'],
    cardMessages: [
      { channel: ALERTS, ts: '1700000000.000100' },
      { channel: ALERTS, ts: '1700000000.000200' },
      { channel: ALERTS, ts: '1700000000.000300' },
      { channel: ALERTS, ts: '9.9' },
    ],
    executionIds: [running.executionId, 'missing'],
    clientTokens: [running.clientToken, 'missing'],
    requestIds: [pending.id, 'missing'],
    engagements: ['alice', 'bob', 'nobody'].map((id) => ({
      dedupeKey: engagement(id).dedupeKey,
      contactArn: engagement(id).contactArn,
    })),
    snapshots: ['snap-watching', 'snap-reporting', 'snap-done', 'snap-none'].map((snapshotId) => ({
      kind: 'instance' as const,
      snapshotId,
    })),
    dedupeKeys: ['view:V1', 'declare:orders', 'storm:cpu:1', `automation:${running.executionId}`],
    followUps,
  };
}
