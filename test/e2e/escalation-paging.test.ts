import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { dmsTo, tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date());
let harness: Harness;

// A rotation of one (Carol), paged at once and again every 10 minutes until acknowledged.
const yaml = `${defaultYaml()}escalation:
  default:
    stages:
      - after: 0s
        notify: [rotation:primary]
    repeatLastEveryMinutes: 10
reminders:
  afterMinutes: 30
permissions:
  page: [U0ALICE]
oncall:
  rotations:
    primary:
      members: [U0CAROL]
      shift: 7d
      handoff: "mon 09:00"
      timezone: Europe/Berlin
`;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml });
  const [alarm] = signedOrdersDbScenario(clock.now());
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await tickEscalation(harness);
});

afterAll(async () => {
  await harness.stop();
});

const thread = () => cardThread(harness, 1);

describe('paging and reminders', () => {
  it('pages whoever is on call in the rotation, and repeats the last stage until acknowledged', async () => {
    expect((await thread()).filter((m) => m.text.includes('<@U0CAROL>'))).toHaveLength(1);
    clock.advance(10 * MINUTE);
    await tickEscalation(harness);
    const repeats = (await thread()).filter((m) => m.text.includes('repeated: still not acknowledged'));
    expect(repeats).toHaveLength(1);
    expect(dmsTo(harness, 'U0CAROL')).toHaveLength(2);
  });

  it('pages a person by hand with /incident page, in the thread and by DM', async () => {
    const { reply } = await runIncidentCommand(harness, 'page INC-1 <@U0BOB|bob>', { userId: 'U0ALICE' });
    expect(reply.text).toBe("INC-1: paged <@U0BOB> in the card's thread and by DM.");
    await harness.warroom.settled();
    expect(
      (await thread()).filter((m) => m.text.includes('<@U0BOB>') && m.text.includes('paged by <@U0ALICE>')),
    ).toHaveLength(1);
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(1);
    const timeline = await harness.warroom.store.listTimeline(1);
    expect(timeline.some((entry) => entry.actor === 'U0ALICE' && entry.text === 'paged <@U0BOB>')).toBe(true);
  });

  it('refuses /incident page to someone without permissions.page', async () => {
    const { reply } = await runIncidentCommand(harness, 'page INC-1 <@U0ALICE>', { userId: 'U0BOB' });
    expect(reply.text).toContain('permission');
    expect(dmsTo(harness, 'U0ALICE')).toHaveLength(0);
  });

  it('"Page on-call" on the card pages the first stage of the policy', async () => {
    const clicker = cardClicker(harness);
    const click = await clicker.click(clicker.card(1), 'U0ALICE', ACTION_IDS.pageOnCall);
    await clicker.settled();
    expect(clicker.replies(click.responseUrl)).toEqual([
      "INC-1: paged <@U0CAROL> in the card's thread and by DM.",
    ]);
    expect(dmsTo(harness, 'U0CAROL')).toHaveLength(3);
  });

  it('reminds an acknowledged incident once per quiet period, and stops the repeats', async () => {
    await harness.warroom.triage.perform(1, { kind: 'acknowledge' }, { userId: 'U0CAROL' });
    await tickEscalation(harness);
    const reminders = async () => (await thread()).filter((m) => m.text.includes('has had no update'));
    clock.advance(29 * MINUTE);
    await tickEscalation(harness);
    expect(await reminders()).toEqual([]);
    clock.advance(MINUTE);
    await tickEscalation(harness);
    await tickEscalation(harness);
    expect((await reminders()).map((m) => m.text)).toEqual([
      ':hourglass: <@U0CAROL> INC-1 has had no update for 30 min. Post one with `/incident note INC-1 <update>` (or resolve it).',
    ]);
    clock.advance(30 * MINUTE);
    await tickEscalation(harness);
    expect(await reminders()).toHaveLength(2);
    // Acknowledged: the 10-minute repeats stopped.
    expect(dmsTo(harness, 'U0CAROL')).toHaveLength(3);
  });
});
