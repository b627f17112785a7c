import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import type { Incident, TimelineEntry } from '../../src/incidents/index.ts';
import type { DbInstanceFacts } from '../../src/rds/index.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { StormGrouper, StormZones } from '../../src/storms/index.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const KEY = '123456789012:us-east-1:metric:AWS/RDS/CPUUtilization';
const stores: SqliteStore[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** RDS as the gateway answers it: the instances it knows among those asked about, by zone. */
class FakeRds {
  readonly calls: string[][] = [];
  failing = false;
  constructor(readonly zones: Record<string, string>) {}
  async describeInstances(ids: readonly string[]): Promise<DbInstanceFacts[]> {
    this.calls.push([...ids]);
    if (this.failing) throw new Error('AccessDenied');
    return ids.flatMap((id) => {
      const zone = this.zones[id];
      return zone ? [{ id, availabilityZone: zone } as DbInstanceFacts] : [];
    });
  }
}

async function setup(dbs: Array<{ id: string; region?: string }>, zones: Record<string, string>) {
  const store = new SqliteStore(':memory:');
  stores.push(store);
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  const grouper = new StormGrouper({
    store,
    clock,
    rule: { enabled: true, threshold: 2, windowMs: 120_000 },
  });
  const opened: Incident[] = [];
  for (const db of dbs) {
    const region = db.region ?? 'us-east-1';
    const { seq: _seq, ...incident } = openIncident({
      groupKey: `rds-instance:123456789012:${region}:${db.id}`,
      resource: { kind: 'rds-instance', id: db.id, region, accountId: '123456789012' },
      openedAt: clock.now(),
      stormKey: KEY,
    });
    const entry: TimelineEntry = {
      at: clock.now(),
      kind: 'opened',
      actor: 'aws:cloudwatch-alarm',
      text: db.id,
    };
    const created = (await store.createIncident(incident, entry)).incident;
    opened.push(created);
    await grouper.afterOpened(created);
  }
  const storm = (await store.listOpenIncidents()).find((incident) => incident.storm) as Incident;
  const rds = new FakeRds(zones);
  // Each Region has its own RDS; the home one answers for us-east-1.
  const regional = new Map<string, FakeRds>([['us-east-1', rds]]);
  const changed: number[] = [];
  const zonesOf = new StormZones({
    store,
    rds: new FakeRds({}),
    rdsFor: (member) => {
      const region = member.resource?.region ?? 'us-east-1';
      const found = regional.get(region) ?? new FakeRds({});
      regional.set(region, found);
      return found;
    },
    clock,
    logger: pino({ level: 'silent' }),
    onChanged: (seq) => changed.push(seq),
  });
  const learn = async (seq = storm.seq) => {
    zonesOf.request(seq);
    await zonesOf.idle();
    return (await store.getIncident(storm.seq)) as Incident;
  };
  return { store, clock, storm, rds, regional, changed, learn, opened };
}

describe('StormZones', () => {
  it("keeps each member's zone on the storm, asked in one call, and re-renders its card", async () => {
    const { storm, rds, changed, learn, store } = await setup(
      [{ id: 'db-1' }, { id: 'db-2' }, { id: 'db-3' }],
      {
        'db-1': 'us-east-1a',
        'db-2': 'us-east-1b',
        'db-3': 'us-east-1a',
      },
    );
    const after = await learn();
    expect(after.storm?.zones).toEqual({ 'db-1': 'us-east-1a', 'db-2': 'us-east-1b', 'db-3': 'us-east-1a' });
    expect(after.version).toBe(storm.version + 1);
    expect(rds.calls).toEqual([['db-1', 'db-2', 'db-3']]);
    expect(changed).toEqual([storm.seq]);
    const timeline = await store.listTimeline(storm.seq);
    expect(timeline.at(-1)?.text).toBe('learnt where its databases run: AZs us-east-1a (2), us-east-1b (1)');
  });

  it('asks RDS about an instance once: a later change of the storm costs no call', async () => {
    const { rds, learn, opened } = await setup([{ id: 'db-1' }, { id: 'db-2' }], {
      'db-1': 'us-east-1a',
      'db-2': 'us-east-1b',
    });
    await learn();
    // Asked through a member, as intake does after a member's later signal.
    await learn(opened[0]?.seq);
    expect(rds.calls).toHaveLength(1);
  });

  it('leaves out instances RDS does not know, and asks about them again only after a while', async () => {
    const { rds, learn, clock, changed } = await setup([{ id: 'db-1' }, { id: 'gone' }], {
      'db-1': 'us-east-1c',
    });
    expect((await learn()).storm?.zones).toEqual({ 'db-1': 'us-east-1c' });
    await learn();
    expect(rds.calls).toEqual([['db-1', 'gone']]);
    clock.advance(15 * 60_000 + 1);
    rds.zones.gone = 'us-east-1a';
    expect((await learn()).storm?.zones).toEqual({ 'db-1': 'us-east-1c', gone: 'us-east-1a' });
    expect(rds.calls).toEqual([['db-1', 'gone'], ['gone']]);
    expect(changed).toHaveLength(2);
  });

  it('keeps the card as it was when RDS refuses, and does not retry at once', async () => {
    const { rds, learn, storm, changed } = await setup([{ id: 'db-1' }, { id: 'db-2' }], {
      'db-1': 'us-east-1a',
    });
    rds.failing = true;
    const after = await learn();
    expect(after.storm?.zones).toBeUndefined();
    expect(after.version).toBe(storm.version);
    await learn();
    expect(rds.calls).toHaveLength(1);
    expect(changed).toEqual([]);
  });

  it("looks up a storm in another Region through that Region's RDS, never warroom's own", async () => {
    const { rds, regional, learn } = await setup(
      [
        { id: 'db-1', region: 'eu-west-1' },
        { id: 'db-2', region: 'eu-west-1' },
      ],
      {},
    );
    regional.set('eu-west-1', new FakeRds({ 'db-1': 'eu-west-1a', 'db-2': 'eu-west-1b' }));
    expect((await learn()).storm?.zones).toEqual({ 'db-1': 'eu-west-1a', 'db-2': 'eu-west-1b' });
    expect(regional.get('eu-west-1')?.calls).toEqual([['db-1', 'db-2']]);
    expect(rds.calls).toEqual([]);
  });
});
