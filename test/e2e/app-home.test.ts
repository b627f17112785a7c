import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { VIEW_IDS } from '../../src/slack/ids.ts';
import { sendEvent } from '../support/slack-requests.ts';
import { signedMessage, signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

const clock = new ManualClock(new Date());
let harness: Harness;

async function openIncidentFromSns(body: string): Promise<void> {
  expect((await harness.postSns(body)).status).toBe(200);
  await harness.warroom.settled();
}

beforeAll(async () => {
  harness = await startHarness({ clock });
  await harness.warroom.settled();
  const [alarm] = signedOrdersDbScenario(clock.now());
  await openIncidentFromSns(alarm!.body); // INC-1, orders-db
  clock.advance(2 * 3_600_000 + 5 * 60_000);
  await openIncidentFromSns(signedMessage(JSON.stringify({ job: 'nightly-export', state: 'stuck' })).body); // INC-2
  await openIncidentFromSns(signedMessage(JSON.stringify({ job: 'cache-warmup', state: 'slow' })).body); // INC-3
  clock.advance(10 * 60_000);
  const { triage } = harness.warroom;
  expect((await triage.perform(1, { kind: 'acknowledge' }, { userId: 'U0ALICE' })).kind).toBe('changed');
  expect(
    (await triage.perform(3, { kind: 'resolve', summary: 'warmed up' }, { userId: 'U0ALICE' })).kind,
  ).toBe('changed');
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

async function openHome(user: string, tab: 'home' | 'messages' = 'home') {
  const response = await sendEvent(harness.warroom.url, {
    type: 'app_home_opened',
    user,
    channel: 'D0WARROOM',
    tab,
    event_ts: `${Date.now() / 1000}`,
  });
  expect(response.status).toBe(200);
}

async function nextPublish(before: number) {
  for (let waited = 0; waited < 5000; waited += 20) {
    const published = harness.slack.callsTo('views.publish');
    if (published.length > before) return published[before];
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('views.publish was not called');
}

function homeSections(user: string): string[] {
  const home = harness.slack.views(user).find((view) => view.type === 'home');
  expect(home?.callback_id).toBe(VIEW_IDS.appHome);
  const blocks = (home?.['blocks'] ?? []) as Array<{ type: string; text?: { text: string } }>;
  return blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
}

describe('App Home', () => {
  it('publishes the open incidents, worst impact first, with impact, age, status, acknowledger and resource', async () => {
    const before = harness.slack.callsTo('views.publish').length;
    await openHome('U0BOB');
    expect((await nextPublish(before))?.ok).toBe(true);
    const sections = homeSections('U0BOB');
    expect(sections).toHaveLength(2);
    // INC-1 (the CPU alarm) is worse than INC-2 (an unrecognised message), so it comes first though older.
    const [oldest, newest] = sections;
    expect(newest).toMatch(/^\*INC-2\*/);
    expect(newest).toContain('opened 10m ago');
    expect(newest).toContain('not acknowledged yet');
    expect(oldest).toMatch(/^\*INC-1\*/);
    expect(oldest).toContain('opened 2h 15m ago');
    expect(oldest).toContain('Acknowledged · acknowledged by <@U0ALICE>');
    expect(oldest).toMatch(/Impact \d \((Critical|High|Medium|Low|No impact)\)/);
    expect(oldest).toContain('orders-db');
    expect(sections.join('\n')).not.toContain('INC-3');
  });

  it('does nothing when the Messages tab is opened', async () => {
    const before = harness.slack.callsTo('views.publish').length;
    await openHome('U0CAROL', 'messages');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.slack.callsTo('views.publish')).toHaveLength(before);
  });

  it('shows the empty state once nothing is open', async () => {
    const { triage } = harness.warroom;
    for (const seq of [1, 2]) {
      expect((await triage.perform(seq, { kind: 'resolve' }, { userId: 'U0ALICE' })).kind).toBe('changed');
    }
    const before = harness.slack.callsTo('views.publish').length;
    await openHome('U0BOB');
    expect((await nextPublish(before))?.ok).toBe(true);
    const sections = homeSections('U0BOB');
    expect(sections).toHaveLength(1);
    expect(sections[0]).toContain('No open incidents');
  });
});
