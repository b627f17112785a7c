import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { Triage } from '../../src/incidents/triage.ts';
import { triageReplyText } from '../../src/incidents/triage-replies.ts';
import { Permissions } from '../../src/permissions/permissions.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const stores: SqliteStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** Triage and resolving are for the payments team (@payments = Paula) on its own incidents. */
function setUp() {
  const store = new SqliteStore(':memory:');
  stores.push(store);
  const logger = pino({ level: 'silent' });
  const clock = new ManualClock(new Date('2026-12-07T14:00:00Z'));
  const permissions = new Permissions({
    rules: { declare: ['*'], triage: ['team:payments'], resolve: ['team:payments'], runbook: [], page: [] },
    groups: {
      listGroups: async () => [{ id: 'S0PAYMENTS', handle: 'payments' }],
      usersOf: async (groupId) => (groupId === 'S0PAYMENTS' ? ['U0PAULA'] : []),
    },
    clock,
    logger,
  });
  return { store, triage: new Triage({ store, permissions, clock, logger, onChanged: () => undefined }) };
}

async function create(store: SqliteStore, groupKey: string, team?: string) {
  const { seq: _seq, ...incident } = openIncident({
    groupKey,
    ...(team ? { route: { name: team, team } } : {}),
  });
  const at = incident.openedAt;
  return (await store.createIncident(incident, { at, kind: 'opened', actor: 'aws:x', text: 'opened' }))
    .incident;
}

describe('Triage with team permissions', () => {
  it("lets the payments team acknowledge and resolve the payments team's incident", async () => {
    const { store, triage } = setUp();
    const ledger = await create(store, 'ledger', 'payments');
    expect((await triage.perform(ledger.seq, { kind: 'acknowledge' }, { userId: 'U0PAULA' })).kind).toBe(
      'changed',
    );
    expect((await triage.perform(ledger.seq, { kind: 'resolve' }, { userId: 'U0PAULA' })).kind).toBe(
      'changed',
    );
  });

  it("refuses the payments team on the orders team's incident, saying whose it is, and changes nothing", async () => {
    const { store, triage } = setUp();
    const orders = await create(store, 'orders', 'orders');
    const result = await triage.perform(orders.seq, { kind: 'resolve' }, { userId: 'U0PAULA' });
    expect(result).toMatchObject({ kind: 'denied', permission: 'resolve', incident: { team: 'orders' } });
    expect(triageReplyText(result)).toContain(`INC-${orders.seq} is owned by the orders team`);
    expect((await store.getIncident(orders.seq))?.status).toBe('open');
  });

  it('refuses someone outside the team on its own incident, saying they are not in it', async () => {
    const { store, triage } = setUp();
    const ledger = await create(store, 'ledger', 'payments');
    const result = await triage.perform(ledger.seq, { kind: 'acknowledge' }, { userId: 'U0OSCAR' });
    expect(triageReplyText(result)).toBe(
      `Triage on INC-${ledger.seq} is for the payments team (@payments); you are not in it (set by \`permissions.triage\` in warroom's config).`,
    );
    expect((await store.getIncident(ledger.seq))?.status).toBe('open');
  });

  it('refuses the team on an incident no route owns', async () => {
    const { store, triage } = setUp();
    const unowned = await create(store, 'unowned');
    const result = await triage.perform(unowned.seq, { kind: 'acknowledge' }, { userId: 'U0PAULA' });
    expect(triageReplyText(result)).toContain(`no route gave INC-${unowned.seq} an owning team`);
  });
});
