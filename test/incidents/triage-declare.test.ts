import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import type { Incident } from '../../src/incidents/incident.ts';
import { Triage } from '../../src/incidents/triage.ts';
import { Permissions } from '../../src/permissions/permissions.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';

function triageOn(path: string, opened: Incident[]) {
  const store = new SqliteStore(path);
  const logger = pino({ level: 'silent' });
  const clock = new ManualClock();
  const all = { declare: ['*'], triage: ['*'], resolve: ['*'], runbook: ['*'], page: ['*'] };
  const permissions = new Permissions({
    rules: all,
    groups: { usersOf: async () => [], listGroups: async () => [] },
    clock,
    logger,
  });
  const triage = new Triage({
    store,
    permissions,
    clock,
    logger,
    responsePlanArn: 'arn:aws:ssm-incidents::123456789012:response-plan/db',
    onChanged: () => undefined,
    onOpened: (incident) => opened.push(incident),
  });
  return { store, triage };
}

describe('Triage.declare', () => {
  it('declares once for a request asked twice, even after a restart, and starts it in Incident Manager once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'warroom-declare-')), 'w.db');
    const opened: Incident[] = [];
    const first = triageOn(path, opened);
    const input = {
      title: 'Checkout errors',
      impact: 2 as const,
      actor: { userId: 'U0ALICE' },
      dedupeKey: 'view:V123',
    };
    const declared = await first.triage.declare(input);
    expect(declared.kind).toBe('declared');
    expect((await first.triage.declare(input)).kind).toBe('duplicate');
    first.store.close();

    const second = triageOn(path, opened);
    const again = await second.triage.declare(input);
    expect(again).toMatchObject({ kind: 'duplicate', incident: { seq: 1 } });
    expect(await second.store.listOpenIncidents()).toHaveLength(1);
    expect(opened).toHaveLength(1);
    const starts = (await second.store.listDueOutbox(new Date('2100-01-01'), 10)).filter(
      (item) => item.write.kind === 'start-incident',
    );
    expect(starts).toHaveLength(1);
    const other = await second.triage.declare({ ...input, dedupeKey: 'view:V124' });
    expect(other).toMatchObject({ kind: 'declared', incident: { seq: 2 } });
    second.store.close();
  });
});
