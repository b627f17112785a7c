import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import type { Incident, TimelineEntry } from '../../src/incidents/index.ts';
import type { PageReason } from '../../src/paging/index.ts';
import { findStormStageDm } from '../../src/paging/storm-page-dms.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const stores: SqliteStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const stage = (index: number): PageReason => ({ kind: 'stage', policy: 'default', index, repeat: false });

async function setup() {
  const store = new SqliteStore(':memory:');
  stores.push(store);
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  const create = async (overrides: Partial<Incident>) => {
    const { seq: _seq, ...incident } = openIncident({ openedAt: clock.now(), ...overrides });
    const entry: TimelineEntry = { at: clock.now(), kind: 'opened', actor: 'warroom', text: 'opened' };
    return (await store.createIncident(incident, entry)).incident;
  };
  const member = await create({ groupKey: 'member' });
  const storm = await create({
    groupKey: 'storm',
    storm: { key: 'k', what: 'CPUUtilization alarms', members: [member.seq] },
  });
  return { store, member, storm };
}

describe("a storm's page to someone a member already paged", () => {
  it("takes over the member's DM at the same stage, moving it to the storm", async () => {
    const { store, member, storm } = await setup();
    await store.pageDms.record({
      channel: 'D0ALICE',
      ts: '1.1',
      seq: member.seq,
      reason: stage(0),
      renderedVersion: 1,
    });
    const found = await findStormStageDm(store.pageDms, storm, 'D0ALICE', stage(0));
    expect(found).toMatchObject({ channel: 'D0ALICE', ts: '1.1', seq: storm.seq, memberSeq: member.seq });
    expect(await store.pageDms.listFor(member.seq)).toEqual([]);
    expect(await store.pageDms.listBehind(storm.seq, storm.version)).toEqual([
      {
        channel: 'D0ALICE',
        ts: '1.1',
        seq: storm.seq,
        reason: stage(0),
        renderedVersion: 0,
        memberSeq: member.seq,
      },
    ]);
    // Asked again (a retried stage), the moved DM is still the one.
    expect((await findStormStageDm(store.pageDms, storm, 'D0ALICE', stage(0)))?.ts).toBe('1.1');
  });

  it('sends a new DM for a later stage, another person, or a page by hand', async () => {
    const { store, member, storm } = await setup();
    await store.pageDms.record({
      channel: 'D0ALICE',
      ts: '1.1',
      seq: member.seq,
      reason: stage(0),
      renderedVersion: 1,
    });
    expect(await findStormStageDm(store.pageDms, storm, 'D0ALICE', stage(1))).toBeUndefined();
    expect(await findStormStageDm(store.pageDms, storm, 'D0BOB', stage(0))).toBeUndefined();
    expect(
      await findStormStageDm(store.pageDms, storm, 'D0ALICE', { kind: 'manual', by: 'U0CAROL' }),
    ).toBeUndefined();
    expect(await findStormStageDm(store.pageDms, member, 'D0ALICE', stage(0))).toBeUndefined();
    expect(await store.pageDms.listFor(member.seq)).toHaveLength(1);
  });
});
