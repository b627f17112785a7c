import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { Triage } from '../../src/incidents/triage.ts';
import { snoozeReplyText } from '../../src/incidents/triage-replies.ts';
import { Reminders } from '../../src/paging/reminders.ts';
import { Permissions } from '../../src/permissions/permissions.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const MINUTE = 60_000;
const stores: SqliteStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function setUp() {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'warroom-snooze-')), 'w.db'));
  stores.push(store);
  const logger = pino({ level: 'silent' });
  const clock = new ManualClock(new Date('2026-12-07T14:00:00Z'));
  const all = { declare: ['*'], triage: ['*'], resolve: ['*'], runbook: ['*'], page: ['*'] };
  const permissions = new Permissions({
    rules: all,
    groups: { usersOf: async () => [], listGroups: async () => [] },
    clock,
    logger,
  });
  const triage = new Triage({ store, permissions, clock, logger, onChanged: () => undefined });
  return { store, clock, logger, triage };
}

async function create(store: SqliteStore, groupKey: string, status: 'open' | 'acknowledged' = 'open') {
  const { seq: _seq, ...incident } = openIncident({ groupKey, status });
  const at = incident.openedAt;
  return (await store.createIncident(incident, { at, kind: 'opened', actor: 'aws:x', text: 'opened' }))
    .incident;
}

describe('snoozing through Triage', () => {
  it("snoozes a storm member's storm, which escalates for it, and says so", async () => {
    const { store, clock, triage } = setUp();
    const member = await create(store, 'member-a');
    const { seq: _seq, ...stormShape } = openIncident({ groupKey: 'storm:cpu' });
    const joined = await store.joinStorm(
      {
        create: { ...stormShape, storm: { key: 'cpu', what: 'CPU alarms', members: [] } },
        entry: { at: clock.now(), kind: 'opened', actor: 'warroom', text: 'storm', dedupeKey: 'storm:cpu' },
      },
      [member.seq],
      clock.now(),
    );
    const stormSeq = joined!.storm.seq;

    const result = await triage.perform(
      member.seq,
      { kind: 'snooze', forMs: 30 * MINUTE },
      { userId: 'U0ALICE' },
    );
    expect(result).toMatchObject({ kind: 'changed', incident: { seq: stormSeq } });
    expect((await store.getIncident(stormSeq))?.snooze?.by).toBe('U0ALICE');
    expect((await store.getIncident(member.seq))?.snooze).toBeUndefined();
    expect(snoozeReplyText(member.seq, result)).toBe(
      `INC-${member.seq} escalates through its storm INC-${stormSeq}, so the storm is what is snoozed.\n` +
        `INC-${stormSeq}: you snoozed escalation and reminders until 14:30 UTC (30 min).`,
    );
  });
});

describe('reminders of a snoozed incident', () => {
  it('wait while it is snoozed, and come once the snooze is over', async () => {
    const { store, clock, logger, triage } = setUp();
    const incident = await create(store, 'quiet', 'acknowledged');
    await store.beginCardPost(incident.seq, 'C0ALERTS', clock.now());
    await store.recordCardPosted(incident.seq, 'C0ALERTS', '1.000', 1);
    const posted: string[] = [];
    const reminders = new Reminders({
      store,
      slack: {
        postMessage: async (message) => {
          posted.push(message.text);
          return { ts: `${posted.length}.000` };
        },
      },
      clock,
      logger,
      alertChannel: 'C0ALERTS',
      afterMs: 30 * MINUTE,
    });
    await triage.perform(incident.seq, { kind: 'snooze', forMs: 60 * MINUTE }, { userId: 'U0ALICE' });

    clock.advance(45 * MINUTE);
    await reminders.pass();
    expect(posted).toEqual([]);
    clock.advance(20 * MINUTE);
    await reminders.pass();
    expect(posted).toHaveLength(1);
  });
});
