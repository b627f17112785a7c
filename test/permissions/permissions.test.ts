import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import type { PermissionAction } from '../../src/config/config.ts';
import { Permissions } from '../../src/permissions/permissions.ts';

const NOBODY: Record<PermissionAction, string[]> = {
  declare: [],
  triage: [],
  resolve: [],
  runbook: [],
  page: [],
};
const GROUPS = [
  { id: 'S0PAYMENTS', handle: 'payments', users: ['U0PAULA'] },
  { id: 'S0ORDERS', handle: 'orders', users: ['U0OSCAR'] },
];

function permissionsWith(rules: Partial<Record<PermissionAction, string[]>>, groups = GROUPS) {
  const calls = { list: 0, users: 0 };
  const clock = new ManualClock('2026-12-07T10:00:00Z');
  const permissions = new Permissions({
    rules: { ...NOBODY, ...rules },
    groups: {
      listGroups: async () => {
        calls.list += 1;
        return groups.map(({ id, handle }) => ({ id, handle }));
      },
      usersOf: async (groupId) => {
        calls.users += 1;
        return groups.find((group) => group.id === groupId)?.users ?? [];
      },
    },
    clock,
    logger: pino({ level: 'silent' }),
  });
  return { permissions, calls, clock };
}

const payments = { seq: 7, route: { team: 'payments' } };
const orders = { seq: 8, route: { team: 'orders' } };
const unowned = { seq: 9 };

describe('team:<name> permissions', () => {
  it("lets a member of the team act on the team's own incident", async () => {
    const { permissions } = permissionsWith({ runbook: ['team:payments'] });
    expect(await permissions.allows('runbook', 'U0PAULA', payments)).toBe(true);
  });

  it("refuses a member of the team on another team's incident, naming the owner", async () => {
    const { permissions } = permissionsWith({ runbook: ['team:payments'] });
    expect(await permissions.refusal('runbook', 'U0PAULA', orders)).toEqual({
      permission: 'runbook',
      teams: ['payments'],
      incident: { seq: 8, team: 'orders' },
    });
  });

  it('refuses a member of the team on an incident no route owns, and says it has no owner', async () => {
    const { permissions } = permissionsWith({ runbook: ['team:payments'] });
    expect(await permissions.refusal('runbook', 'U0PAULA', unowned)).toEqual({
      permission: 'runbook',
      teams: ['payments'],
      incident: { seq: 9 },
    });
  });

  it("refuses someone outside the team on the team's own incident", async () => {
    const { permissions } = permissionsWith({ runbook: ['team:payments'] });
    expect(await permissions.refusal('runbook', 'U0OSCAR', payments)).toEqual({
      permission: 'runbook',
      teams: ['payments'],
      incident: { seq: 7, team: 'payments' },
    });
  });

  it('lets members declare when no incident is involved, and nobody else', async () => {
    const { permissions } = permissionsWith({ declare: ['team:payments'] });
    expect(await permissions.allows('declare', 'U0PAULA')).toBe(true);
    expect(await permissions.refusal('declare', 'U0OSCAR')).toEqual({
      permission: 'declare',
      teams: ['payments'],
    });
  });

  it('lets each listed team act on its own incidents only', async () => {
    const { permissions } = permissionsWith({ runbook: ['team:payments', 'team:orders'] });
    expect(await permissions.allows('runbook', 'U0OSCAR', orders)).toBe(true);
    expect(await permissions.allows('runbook', 'U0OSCAR', payments)).toBe(false);
  });

  it('still lets listed people and groups act on any incident', async () => {
    const { permissions } = permissionsWith({ runbook: ['team:payments', 'U0OSCAR'] });
    expect(await permissions.allows('runbook', 'U0OSCAR', payments)).toBe(true);
    expect(await permissions.refusal('runbook', 'U0OSCAR', payments)).toBeUndefined();
  });

  it('lets nobody through a team whose user group does not exist', async () => {
    const { permissions } = permissionsWith({ runbook: ['team:payments'] }, [
      { id: 'S0ORDERS', handle: 'orders', users: ['U0PAULA'] },
    ]);
    expect(await permissions.allows('runbook', 'U0PAULA', payments)).toBe(false);
  });

  it('reads the user groups once and then from cache until it expires', async () => {
    const { permissions, calls, clock } = permissionsWith({ runbook: ['team:payments'] });
    await permissions.allows('runbook', 'U0PAULA', payments);
    await permissions.allows('runbook', 'U0OSCAR', payments);
    expect(calls).toEqual({ list: 1, users: 1 });
    clock.advance(5 * 60_000 + 1);
    await permissions.allows('runbook', 'U0PAULA', payments);
    expect(calls).toEqual({ list: 2, users: 2 });
  });

  it('lets nobody through a team when Slack cannot list the user groups', async () => {
    const permissions = new Permissions({
      rules: { ...NOBODY, runbook: ['team:payments'] },
      groups: {
        listGroups: async () => {
          throw new Error('ratelimited');
        },
        usersOf: async () => ['U0PAULA'],
      },
      clock: new ManualClock('2026-12-07T10:00:00Z'),
      logger: pino({ level: 'silent' }),
    });
    expect(await permissions.allows('runbook', 'U0PAULA', payments)).toBe(false);
  });
});
