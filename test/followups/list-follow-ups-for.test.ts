import { expect, it } from 'vitest';
import { listFollowUpsFor } from '../../src/followups/index.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { declareIncident } from '../store/conformance/declare-incident.ts';

const now = new Date('2026-11-22T09:30:00Z');

it('lists an incident’s follow-ups for the review: title, owner, status and the OpsItem link', async () => {
  const store = new SqliteStore(':memory:');
  const seq = await declareIncident(store, now);
  const base = { seq, status: 'open' as const, createdBy: 'U0ALICE', createdAt: now, statusAt: now };
  await store.followUps.create({ ...base, id: 'fu-0000000001', title: 'Add an alarm', owner: 'U0BOB' }, 'a');
  await store.followUps.create({ ...base, id: 'fu-0000000002', title: 'Write the runbook' }, 'b');
  await store.followUps.linkOpsItem('fu-0000000001', 'oi-0123456789ab', now);
  await store.followUps.setStatus('fu-0000000002', 'done', 'U0BOB', now);
  expect(await listFollowUpsFor(store, seq, 'us-east-1')).toEqual([
    {
      title: 'Add an alarm',
      owner: 'U0BOB',
      status: 'open',
      link: 'https://us-east-1.console.aws.amazon.com/systems-manager/opsitems/oi-0123456789ab?region=us-east-1',
    },
    { title: 'Write the runbook', status: 'done' },
  ]);
  store.close();
});
