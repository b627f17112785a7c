import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { dmsTo, escalationYaml, tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { sendEvent } from '../support/slack-requests.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
// 09:00 UTC on the hour, so the times warroom names are known.
const clock = new ManualClock(new Date('2026-12-07T09:00:00Z'));
let harness: Harness;

// default: 0s → U0ALICE, 5m → U0BOB; impact ≤ 2: 0s → U0CAROL. Acknowledged and quiet 20 min: a reminder.
const yaml = escalationYaml(`  major:
    - after: 0s
      notify: [U0CAROL]
escalationRules:
  - when: { impactAtMost: 2 }
    policy: major
reminders:
  afterMinutes: 20
`);

beforeAll(async () => {
  harness = await startHarness({ clock, yaml });
});

afterAll(async () => {
  await harness.stop();
});

const pingsOf = async (seq: number, mention: string) =>
  (await cardThread(harness, seq)).filter((message) => message.text.includes(mention));
const timelineOf = async (seq: number) =>
  (await harness.warroom.store.listTimeline(seq)).map((entry) => `${entry.actor}: ${entry.text}`);
const cardText = (seq: number) => JSON.stringify(cardClicker(harness).card(seq).blocks);

/** A new incident from the orders-db CPU alarm, its first stage (Alice) paged. */
async function openIncident(): Promise<number> {
  const [cpu] = signedOrdersDbScenario(clock.now());
  expect((await harness.postSns(cpu!.body)).status).toBe(200);
  await tickEscalation(harness);
  const open = await harness.warroom.store.listOpenIncidents();
  const seq = Math.max(...open.map((incident) => incident.seq));
  expect(await pingsOf(seq, '<@U0ALICE>')).toHaveLength(1);
  return seq;
}

async function resolve(seq: number): Promise<void> {
  await harness.warroom.triage.perform(seq, { kind: 'resolve' }, { userId: 'U0ALICE' });
  await harness.warroom.settled();
}

describe('/incident snooze', () => {
  it('holds a stage that would page until the time is up, once, visibly, across a restart', async () => {
    const seq = await openIncident();
    clock.advance(MINUTE);
    const { all } = await runIncidentCommand(harness, `snooze INC-${seq} 30m`, { userId: 'U0ALICE' });
    expect(all).toContain(`INC-${seq}: you snoozed escalation and reminders until 09:31 UTC (30 min).`);
    await harness.warroom.settled();
    expect(cardText(seq)).toContain('Snoozed until <!date^');
    expect(cardText(seq)).toContain('|09:31 UTC> by <@U0ALICE>');

    // A second snooze while it runs is refused, and says whose snooze runs.
    const again = await runIncidentCommand(harness, `snooze INC-${seq} 1h`, { userId: 'U0BOB' });
    expect(again.all).toContain(`INC-${seq} is already snoozed until 09:31 UTC by <@U0ALICE>`);

    // Bob's stage (due at 09:05) waits, across a restart.
    clock.advance(5 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(seq, '<@U0BOB>')).toEqual([]);
    await harness.restart();
    clock.advance(20 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(seq, '<@U0BOB>')).toEqual([]);
    expect((await harness.warroom.store.getIncident(seq))?.snooze?.by).toBe('U0ALICE');

    clock.advance(5 * MINUTE);
    await tickEscalation(harness);
    await tickEscalation(harness);
    expect(await pingsOf(seq, '<@U0BOB>')).toHaveLength(1);
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(1);
    expect(await timelineOf(seq)).toEqual(
      expect.arrayContaining([
        'U0ALICE: snoozed escalation and reminders until 09:31 UTC (30 min)',
        'warroom: snooze ended: time up; escalation and reminders resume',
      ]),
    );
    const ended = (await harness.warroom.store.listTimeline(seq)).find((entry) =>
      entry.text.startsWith('snooze ended'),
    );
    expect(ended?.at).toEqual(new Date('2026-12-07T09:31:00Z'));
    expect(cardText(seq)).not.toContain('Snoozed until');
    await resolve(seq);
  });

  it('refuses a missing, bad or too long duration and a resolved incident, and changes nothing', async () => {
    const seq = Math.max(...(await harness.warroom.store.listOpenIncidents()).map((i) => i.seq), 1);
    const missing = await runIncidentCommand(harness, `snooze INC-${seq}`);
    expect(missing.all).toContain('No duration: say how long with a unit: 30m, 1h or 1h30m (at most 24 h).');
    expect(missing.all).toContain('Usage: `/incident snooze [id] <duration>`');
    const bad = await runIncidentCommand(harness, `snooze INC-${seq} soon`);
    expect(bad.all).toContain('`soon` is not a duration');
    const long = await runIncidentCommand(harness, `snooze INC-${seq} 25h`);
    expect(long.all).toContain('`25h` is too long: snooze for at most 24 h.');
    const resolved = await runIncidentCommand(harness, `snooze INC-${seq} 30m`);
    expect(resolved.all).toContain(`INC-${seq} is resolved; there is nothing to snooze.`);
    expect((await harness.warroom.store.getIncident(seq))?.snooze).toBeUndefined();
  });

  it('unsnooze ends it now, and what fell due during it pages at once', async () => {
    const seq = await openIncident();
    const start = clock.now();
    await runIncidentCommand(harness, `snooze INC-${seq} 1h`, { userId: 'U0ALICE' });
    clock.advance(7 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(seq, '<@U0BOB>')).toEqual([]);

    const { all } = await runIncidentCommand(harness, `unsnooze INC-${seq}`, { userId: 'U0BOB' });
    expect(all).toContain(`INC-${seq}: you ended the snooze (unsnoozed); escalation and reminders resume.`);
    await harness.warroom.settled();
    await harness.warroom.settled();
    expect(await pingsOf(seq, '<@U0BOB>')).toHaveLength(1);
    expect(await timelineOf(seq)).toContain(
      'U0BOB: ended the snooze (unsnoozed); escalation and reminders resume',
    );
    expect(clock.now().getTime() - start.getTime()).toBe(7 * MINUTE);
    const twice = await runIncidentCommand(harness, `unsnooze INC-${seq}`);
    expect(twice.all).toContain(`INC-${seq} is not snoozed.`);
    await resolve(seq);
  });
});

/** The sections of the App Home tab `user` is shown after opening it. */
async function homeSectionsFor(user: string): Promise<string[]> {
  const before = harness.slack.callsTo('views.publish').length;
  const opened = await sendEvent(harness.warroom.url, {
    type: 'app_home_opened',
    user,
    channel: 'D0WARROOM',
    tab: 'home',
    event_ts: `${Date.now() / 1000}`,
  });
  expect(opened.status).toBe(200);
  for (let waited = 0; harness.slack.callsTo('views.publish').length <= before; waited += 20) {
    if (waited > 5000) throw new Error('views.publish was not called');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(harness.slack.callsTo('views.publish')[before]?.ok).toBe(true);
  const home = harness.slack.views(user).find((view) => view.type === 'home');
  const blocks = (home?.['blocks'] ?? []) as Array<{ type: string; text?: { text: string } }>;
  return blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
}

describe('a snooze, wherever the incident is shown', () => {
  it('an acknowledged incident’s DM snoozes its reminders, and show, App Home and list say so', async () => {
    const seq = await openIncident();
    await harness.warroom.triage.perform(seq, { kind: 'acknowledge' }, { userId: 'U0ALICE' });
    await tickEscalation(harness);
    const clicker = cardClicker(harness);
    const dm = dmsTo(harness, 'U0ALICE').at(-1)!;
    expect(JSON.stringify(dm.blocks)).toContain(ACTION_IDS.joinIncident);
    const ends = new Date(clock.now().getTime() + 30 * MINUTE);
    const hhmm = `${ends.toISOString().slice(11, 16)} UTC`;
    const click = await clicker.click(dm, 'U0ALICE', ACTION_IDS.snoozeIncident);
    await clicker.settled();
    expect(clicker.replies(click.responseUrl)).toEqual([
      `INC-${seq}: you snoozed escalation and reminders until ${hhmm} (30 min).`,
    ]);
    await harness.warroom.settled();
    const shown = JSON.stringify(dmsTo(harness, 'U0ALICE').at(-1)?.blocks);
    expect(shown).toContain(`|${hhmm}> by <@U0ALICE>`);
    expect(shown).not.toContain(ACTION_IDS.snoozeIncident);

    const until = `<!date^${ends.getTime() / 1000}^{time}|${hhmm}>`;
    const show = await runIncidentCommand(harness, `show INC-${seq}`, { userId: 'U0BOB' });
    expect(show.all).toContain(
      `💤 Snoozed until ${until} by <@U0ALICE>: no escalation or reminders until then.`,
    );
    const list = await runIncidentCommand(harness, 'list', { userId: 'U0BOB' });
    expect(list.all).toMatch(
      new RegExp(`\\*INC-${seq}\\* · 3 · Medium · Acknowledged by <@U0ALICE> [^·]+ · 💤 until `),
    );
    expect(list.all).toContain(`💤 until ${until} · CPUUtilization`);
    const home = (await homeSectionsFor('U0BOB')).find((text) => text.startsWith(`*INC-${seq}*`));
    expect(home).toContain(`💤 snoozed until ${until} by <@U0ALICE>`);

    // Quiet for 25 min (a reminder is due after 20), but snoozed: none.
    const reminders = () => pingsOf(seq, 'has had no update');
    clock.advance(25 * MINUTE);
    await tickEscalation(harness);
    expect(await reminders()).toEqual([]);
    // The snooze ends after 30 min; that end starts a new quiet period, so the next reminder is 20 min on.
    clock.advance(6 * MINUTE);
    await tickEscalation(harness);
    await tickEscalation(harness);
    expect(await reminders()).toEqual([]);
    expect((await homeSectionsFor('U0BOB')).join('\n')).not.toContain('💤');
    clock.advance(20 * MINUTE);
    await tickEscalation(harness);
    expect(await reminders()).toHaveLength(1);
    await resolve(seq);
  });
});

describe('the page DM’s Snooze button', () => {
  it('snoozes as the command does, and a signal raising the impact ends it and pages the new policy', async () => {
    const seq = await openIncident();
    const clicker = cardClicker(harness);
    const dm = dmsTo(harness, 'U0ALICE').at(-1)!;
    expect(JSON.stringify(dm.blocks)).toContain('Snooze 30 min');
    const click = await clicker.click(dm, 'U0ALICE', ACTION_IDS.snoozeIncident);
    await clicker.settled();
    expect(clicker.replies(click.responseUrl)[0]).toMatch(
      new RegExp(
        `^INC-${seq}: you snoozed escalation and reminders until \\d\\d:\\d\\d UTC \\(30 min\\)\\.$`,
      ),
    );
    await harness.warroom.settled();
    // The DM now says it is snoozed, and offers no second snooze.
    const shown = JSON.stringify(dmsTo(harness, 'U0ALICE').at(-1)?.blocks);
    expect(shown).toContain('Snoozed until');
    expect(shown).not.toContain(ACTION_IDS.snoozeIncident);

    clock.advance(6 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(seq, '<@U0BOB>')).toEqual([]);

    const [, failover] = signedOrdersDbScenario(clock.now());
    expect((await harness.postSns(failover!.body)).status).toBe(200);
    await tickEscalation(harness);
    await tickEscalation(harness);
    const incident = await harness.warroom.store.getIncident(seq);
    expect(incident).toMatchObject({ impact: 2, status: 'open' });
    expect(incident?.snooze).toBeUndefined();
    expect(await timelineOf(seq)).toEqual(
      expect.arrayContaining([
        'warroom: snooze ended: a new signal raised the impact to 2 · High; escalation resumes at it',
        'warroom: escalating by policy major: the impact rose to 2',
      ]),
    );
    expect(await pingsOf(seq, '<@U0CAROL>')).toHaveLength(1);
    // The old policy's Bob stage was replaced by the new policy, not paged late.
    expect(await pingsOf(seq, '<@U0BOB>')).toEqual([]);
    expect(cardText(seq)).not.toContain('Snoozed until');
  });
});
