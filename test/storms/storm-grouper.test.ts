import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { type Incident, resolve, type TimelineEntry } from '../../src/incidents/index.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { StormGrouper } from '../../src/storms/index.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const KEY = '123456789012:us-east-1:metric:AWS/RDS/CPUUtilization';
const stores: SqliteStore[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function setup(rule = { enabled: true, threshold: 3, windowMs: 120_000 }) {
  const store = new SqliteStore(':memory:');
  stores.push(store);
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  return { store, clock, grouper: new StormGrouper({ store, clock, rule }) };
}

async function open(store: SqliteStore, clock: ManualClock, db: string, key = KEY): Promise<Incident> {
  const { seq: _seq, ...incident } = openIncident({
    groupKey: `rds-instance:123456789012:us-east-1:${db}`,
    resource: { kind: 'rds-instance', id: db, region: 'us-east-1', accountId: '123456789012' },
    openedAt: clock.now(),
    stormKey: key,
  });
  const entry: TimelineEntry = { at: clock.now(), kind: 'opened', actor: 'aws:cloudwatch-alarm', text: db };
  return (await store.createIncident(incident, entry)).incident;
}

describe('StormGrouper', () => {
  it('holds pages while a second database of the same kind opened within the window, not for the first', async () => {
    const { store, clock, grouper } = setup();
    const first = await open(store, clock, 'db-1');
    expect(await grouper.mightForm(first)).toBe(false);
    clock.advance(10_000);
    const second = await open(store, clock, 'db-2');
    expect(await grouper.mightForm(second)).toBe(true);
    clock.advance(120_001);
    expect(await grouper.mightForm(second)).toBe(false);
  });

  it('never holds for another kind of signal, or when storms are off', async () => {
    const { store, clock, grouper } = setup();
    await open(store, clock, 'db-1');
    const other = await open(store, clock, 'db-2', `${KEY}-other`);
    expect(await grouper.mightForm(other)).toBe(false);
    const off = setup({ enabled: false, threshold: 3, windowMs: 120_000 });
    await open(off.store, off.clock, 'db-1');
    expect(await off.grouper.mightForm(await open(off.store, off.clock, 'db-2'))).toBe(false);
  });

  it('forms a storm at the threshold, then a later database joins it and the storm counts it', async () => {
    const { store, clock, grouper } = setup();
    expect((await grouper.afterOpened(await open(store, clock, 'db-1'))).kind).toBe('none');
    expect((await grouper.afterOpened(await open(store, clock, 'db-2'))).kind).toBe('none');
    const formed = await grouper.afterOpened(await open(store, clock, 'db-3'));
    expect(formed.kind).toBe('formed');
    const storm = formed.kind === 'formed' ? formed.storm : undefined;
    expect(storm?.title).toBe('Storm: CPUUtilization alarms on 3 resources');
    clock.advance(600_000);
    const joined = await grouper.afterOpened(await open(store, clock, 'db-4'));
    expect(joined.kind).toBe('joined');
    expect((await store.getIncident(storm!.seq))?.title).toBe('Storm: CPUUtilization alarms on 4 resources');
  });

  it("follows a member acknowledged on its own: the storm's version moves and its timeline counts states", async () => {
    const { store, clock, grouper } = setup();
    const storm = await formStorm(store, clock, grouper);
    await grouper.refresh(storm.seq);
    const before = (await store.getIncident(storm.seq))!;
    expect(await grouper.refresh(storm.seq)).toBeUndefined();
    const member = storm.storm!.members[0]!;
    await store.mutateIncident(member, clock.now(), (incident) => ({
      kind: 'changed',
      incident: { ...incident, status: 'acknowledged', version: incident.version + 1 },
      entry: { at: clock.now(), kind: 'status', actor: 'U0CAROL', text: 'acknowledged' },
    }));
    const after = await grouper.refresh(storm.seq);
    expect(after?.version).toBe(before.version + 1);
    const timeline = await store.listTimeline(storm.seq);
    expect(timeline.at(-1)?.text).toBe('members now 2 open · 1 acknowledged · 0 resolved');
  });

  it('resolves the storm, saying why, once its last member is resolved on its own', async () => {
    const { store, clock, grouper } = setup();
    const storm = await formStorm(store, clock, grouper);
    const [last, ...rest] = storm.storm!.members;
    for (const seq of rest) await resolveMember(store, clock, seq);
    expect((await grouper.refresh(storm.seq))?.status).toBe('open');
    await resolveMember(store, clock, last!);
    const resolved = await grouper.refresh(storm.seq);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: clock.now() });
    const entry = (await store.listTimeline(storm.seq)).at(-1);
    expect(entry).toMatchObject({
      kind: 'status',
      actor: 'warroom',
      text: 'resolved the storm: all 3 incidents in it are resolved',
      to: 'resolved',
    });
  });

  it('leaves a storm a person reopened open although its members are still resolved', async () => {
    const { store, clock, grouper } = setup();
    const storm = await formStorm(store, clock, grouper);
    for (const seq of storm.storm!.members) await resolveMember(store, clock, seq);
    await grouper.refresh(storm.seq);
    await store.mutateIncident(storm.seq, clock.now(), (incident) => ({
      kind: 'changed',
      incident: { ...incident, status: 'open', version: incident.version + 1 },
      entry: { at: clock.now(), kind: 'status', actor: 'U0CAROL', text: 'reopened' },
    }));
    expect(await grouper.refresh(storm.seq)).toBeUndefined();
    expect((await store.getIncident(storm.seq))?.status).toBe('open');
  });
});

async function formStorm(store: SqliteStore, clock: ManualClock, grouper: StormGrouper): Promise<Incident> {
  await grouper.afterOpened(await open(store, clock, 'db-1'));
  await grouper.afterOpened(await open(store, clock, 'db-2'));
  const formed = await grouper.afterOpened(await open(store, clock, 'db-3'));
  if (formed.kind !== 'formed') throw new Error('no storm formed');
  return (await store.getIncident(formed.storm.seq))!;
}

async function resolveMember(store: SqliteStore, clock: ManualClock, seq: number): Promise<void> {
  await store.mutateIncident(seq, clock.now(), (incident) =>
    resolve(incident, 'done', { userId: 'U0CAROL' }, clock.now()),
  );
}
