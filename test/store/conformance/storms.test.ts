import { expect, it } from 'vitest';
import type { NewIncident, TimelineEntry } from '../../../src/incidents/index.ts';
import type { Store } from '../../../src/store/store.ts';
import { openIncident } from '../../support/incident-fixtures.ts';
import { describeEachStoreAdapter } from '../adapters.ts';

const now = new Date('2026-11-22T09:00:00Z');

async function declareMember(store: Store, db: string) {
  const { seq: _seq, ...incident } = openIncident({ groupKey: `rds-instance:1:us-east-1:${db}` });
  const entry: TimelineEntry = { at: now, kind: 'opened', actor: 'aws:cloudwatch-alarm', text: db };
  return (await store.createIncident(incident, entry)).incident.seq;
}

function newStorm(): { create: NewIncident; entry: TimelineEntry } {
  const { seq: _seq, ...create } = openIncident({
    groupKey: 'storm:k',
    title: 'Storm',
    storm: { key: 'k', what: 'CPUUtilization alarms', members: [] },
  });
  return {
    create,
    entry: { at: now, kind: 'opened', actor: 'warroom', text: 'storm', dedupeKey: 'storm:k:1' },
  };
}

describeEachStoreAdapter('storms', (adapter) => {
  it('creates a storm and folds its members in, each naming it and each timeline saying so', async () => {
    const store = await adapter.open();
    const a = await declareMember(store, 'db-1');
    const b = await declareMember(store, 'db-2');
    const formed = await store.joinStorm(newStorm(), [a, b], now);
    expect(formed?.storm.storm?.members).toEqual([a, b]);
    expect(formed?.members.map((member) => member.stormSeq)).toEqual([formed?.storm.seq, formed?.storm.seq]);
    const stored = await store.getIncident(formed!.storm.seq);
    expect(stored?.storm?.members).toEqual([a, b]);
    expect((await store.getIncident(a))?.stormSeq).toBe(stored?.seq);
    const timeline = await store.listTimeline(a);
    expect(timeline.at(-1)?.text).toBe(
      `joined storm INC-${stored?.seq}: its card, paging and escalation are the storm's`,
    );
    expect((await store.listTimeline(stored!.seq)).map((entry) => entry.text)).toEqual([
      'storm',
      `INC-${a} joined the storm`,
      `INC-${b} joined the storm`,
    ]);
  });

  it('finds the storm created before for the same key, and skips members already in it', async () => {
    const store = await adapter.open();
    const a = await declareMember(store, 'db-1');
    const first = await store.joinStorm(newStorm(), [a], now);
    const c = await declareMember(store, 'db-3');
    const again = await store.joinStorm(newStorm(), [a, c], now);
    expect(again?.storm.seq).toBe(first?.storm.seq);
    expect(again?.members.map((member) => member.seq)).toEqual([c]);
    const joined = await store.joinStorm({ seq: first!.storm.seq }, [a, c], now);
    expect(joined?.members).toEqual([]);
    expect((await store.getIncident(first!.storm.seq))?.storm?.members).toEqual([a, c]);
  });

  it('answers undefined and changes nothing for an incident that is not a storm', async () => {
    const store = await adapter.open();
    const a = await declareMember(store, 'db-1');
    const b = await declareMember(store, 'db-2');
    expect(await store.joinStorm({ seq: a }, [b], now)).toBeUndefined();
    expect((await store.getIncident(b))?.stormSeq).toBeUndefined();
  });

  it('folds in more members than one transaction holds, each once', async () => {
    const store = await adapter.open();
    const members: number[] = [];
    for (let n = 0; n < 45; n++) members.push(await declareMember(store, `db-${n}`));
    const formed = await store.joinStorm(newStorm(), members, now);
    expect(formed?.members.map((member) => member.seq)).toEqual(members);
    const storm = await store.getIncident(formed!.storm.seq);
    expect(storm?.storm?.members).toEqual(members);
    for (const seq of members) expect((await store.getIncident(seq))?.stormSeq).toBe(storm?.seq);
    expect(await store.listTimeline(storm!.seq)).toHaveLength(46);
  });

  it('forms one storm when two Stores form it at once, with both members in it', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const a = await declareMember(store, 'db-1');
    const b = await declareMember(store, 'db-2');
    const formed = await Promise.all([
      store.joinStorm(newStorm(), [a], now),
      other.joinStorm(newStorm(), [b], now),
    ]);
    expect(formed[0]?.storm.seq).toBe(formed[1]?.storm.seq);
    const storm = await other.getIncident(formed[0]!.storm.seq);
    expect([...(storm?.storm?.members ?? [])].sort()).toEqual([a, b]);
    expect((await store.listOpenIncidents()).filter((incident) => incident.storm)).toHaveLength(1);
  });
});
