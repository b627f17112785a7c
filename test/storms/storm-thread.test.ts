import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import type { Incident, TimelineEntry } from '../../src/incidents/index.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { StormGrouper, StormThread } from '../../src/storms/index.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const KEY = '123456789012:us-east-1:metric:AWS/RDS/CPUUtilization';
const CHANNEL = 'C0ALERTS';
const stores: SqliteStore[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** Slack as the thread sees it: each post answers after a turn of the event loop, as over HTTP. */
function fakeSlack() {
  const posts: string[] = [];
  const updates: string[] = [];
  return {
    posts,
    updates,
    async postMessage(message: { text: string }) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      posts.push(message.text);
      return { ts: `1700000000.00000${posts.length}`, channel: CHANNEL };
    },
    async updateMessage(message: { text: string }) {
      updates.push(message.text);
    },
  };
}

async function stormWithCard() {
  const store = new SqliteStore(':memory:');
  stores.push(store);
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  const grouper = new StormGrouper({
    store,
    clock,
    rule: { enabled: true, threshold: 3, windowMs: 120_000 },
  });
  for (const db of ['db-1', 'db-2', 'db-3']) {
    const { seq: _seq, ...incident } = openIncident({
      groupKey: `rds-instance:123456789012:us-east-1:${db}`,
      resource: { kind: 'rds-instance', id: db, region: 'us-east-1', accountId: '123456789012' },
      openedAt: clock.now(),
      stormKey: KEY,
    });
    const entry: TimelineEntry = { at: clock.now(), kind: 'opened', actor: 'aws:cloudwatch-alarm', text: db };
    await grouper.afterOpened((await store.createIncident(incident, entry)).incident);
  }
  const storm = (await store.listOpenIncidents()).find((incident) => incident.storm) as Incident;
  await store.beginCardPost(storm.seq, CHANNEL, clock.now());
  await store.recordCardPosted(storm.seq, CHANNEL, '1700000000.000001', storm.version);
  const slack = fakeSlack();
  const thread = new StormThread({
    store,
    slack,
    clock,
    logger: pino({ level: 'silent' }),
    alertChannel: CHANNEL,
  });
  return { store, storm, slack, thread };
}

describe('StormThread', () => {
  it('posts one member list when the storm and its members ask at once, then updates it in place', async () => {
    const { store, storm, slack, thread } = await stormWithCard();
    // What intake does when a storm forms: every member changed, and the storm.
    for (const seq of [...(storm.storm?.members ?? []), storm.seq]) thread.request(seq);
    await thread.idle();
    expect(slack.posts).toEqual([`3 incidents in storm INC-${storm.seq}`]);
    expect((await store.getIncident(storm.seq))?.storm?.listTs).toBe('1700000000.000001');

    const [first] = storm.storm?.members ?? [];
    await store.mutateIncident(first as number, new Date(), (member) => ({
      kind: 'changed',
      incident: { ...member, status: 'acknowledged', version: member.version + 1 },
      entry: { at: new Date(), kind: 'status', actor: 'U0ALICE', text: 'acknowledged' },
    }));
    thread.request(first as number);
    await thread.idle();
    expect(slack.posts).toHaveLength(1);
    expect(slack.updates).toEqual([`3 incidents in storm INC-${storm.seq}`]);
  });

  it('does nothing for an incident outside any storm', async () => {
    const { store, slack, thread } = await stormWithCard();
    const { seq: _seq, ...alone } = openIncident({ groupKey: 'other' });
    const created = await store.createIncident(alone, {
      at: new Date(),
      kind: 'opened',
      actor: 'aws:cloudwatch-alarm',
      text: 'alone',
    });
    thread.request(created.incident.seq);
    await thread.idle();
    expect(slack.posts).toEqual([]);
  });
});
