import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { dmsTo, tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { sendEvent } from '../support/slack-requests.ts';
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
  harness = await startHarness({
    clock,
    yaml,
    // @sre is Alice; @nights has nobody in it. Carol and Carla both start with "car".
    slackWorkspace: {
      users: [
        { id: 'U0ALICE', name: 'alice', realName: 'Alice Archer', email: 'alice@example.com' },
        { id: 'U0BOB', name: 'bob', realName: 'Bob Baker', email: 'bob@example.com' },
        { id: 'U0CAROL', name: 'carol', realName: 'Carol Chen', email: 'carol@example.com' },
        { id: 'U0CARLA', name: 'carla', realName: 'Carla Diaz', email: 'carla@example.com' },
      ],
      usergroups: [
        { id: 'S0SRE', handle: 'sre', users: ['U0ALICE'] },
        { id: 'S0NIGHTS', handle: 'nights', users: [] },
      ],
    },
  });
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
    // Plain words, no policy names: how bad it is and how long nobody has acknowledged it.
    const repeats = (await thread()).filter((m) =>
      m.text.includes('INC-1 needs you, it is 3 · Medium and nobody has acknowledged it for 10 minutes.'),
    );
    expect(repeats).toHaveLength(1);
    expect((await thread()).some((m) => m.text.includes('escalation policy'))).toBe(false);
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

describe('a page that reaches nobody says so', () => {
  const metric = async (reason: string) => {
    const text = await (await fetch(`${harness.warroom.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`warroom_pages_failed_total{reason="${reason}"}`));
    return Number(line?.split(' ')[1] ?? 0);
  };
  const timeline = async () => (await harness.warroom.store.listTimeline(1)).map((entry) => entry.text);

  it('tells the asker a page to an unknown user failed, in the thread, on the timeline and in /metrics', async () => {
    const { reply } = await runIncidentCommand(harness, 'page INC-1 U0NOBODY', { userId: 'U0ALICE' });
    expect(reply.text).toBe(
      'INC-1: nobody was paged.\nCould not page <@U0NOBODY>: Slack has no such active user (user_not_found); check the id, or page them by @handle.',
    );
    expect(reply.text).not.toContain('paged <@U0NOBODY>');
    await harness.warroom.settled();
    expect(dmsTo(harness, 'U0NOBODY')).toHaveLength(0);
    const said = (await thread()).filter((m) => m.text.includes('Could not page <@U0NOBODY>'));
    expect(said.map((m) => m.text)).toEqual([
      ':warning: INC-1: nobody was paged.\nCould not page <@U0NOBODY>: Slack has no such active user (user_not_found); check the id, or page them by @handle.',
    ]);
    expect(await timeline()).toContain(
      'paged nobody; page to <@U0NOBODY> failed: unknown-user (user_not_found)',
    );
    expect(await metric('unknown-user')).toBe(1);
  });

  it('says a DM Slack refused failed, though the thread mention went out', async () => {
    const { reply } = await runIncidentCommand(harness, 'page INC-1 <@U0WARBOT> <@U0BOB>', {
      userId: 'U0ALICE',
    });
    expect(reply.text).toBe(
      "INC-1: paged <@U0BOB> in the card's thread and by DM.\nCould not page <@U0WARBOT>: Slack would not deliver a DM to them (cannot_dm_bot); ask them to allow DMs from warroom, or page someone else.",
    );
    await harness.warroom.settled();
    expect((await thread()).some((m) => m.text.startsWith(':warning: Could not page <@U0WARBOT>'))).toBe(
      true,
    );
    expect(await timeline()).toContain('page to <@U0WARBOT> failed: dm-closed (cannot_dm_bot)');
    expect(await metric('dm-closed')).toBe(1);
  });

  it('says an empty user group and a rotation nobody is on page nobody', async () => {
    const { reply } = await runIncidentCommand(harness, 'page INC-1 S0NIGHTS rotation:weekend', {
      userId: 'U0ALICE',
    });
    expect(reply.text).toBe(
      [
        'INC-1: nobody was paged.',
        'Could not page <!subteam^S0NIGHTS>: the user group has no members; add people to it, or page someone else.',
        'Could not page rotation `weekend`: nobody is on call in it right now; page a person instead.',
      ].join('\n'),
    );
    expect(await metric('empty-group')).toBe(1);
  });
});

describe('paging someone onto an acknowledged incident asks them to help', () => {
  it('DMs who asked and why, with Join and Open incident, and never "Nothing more to do here"', async () => {
    expect((await harness.warroom.store.getIncident(1))?.status).toBe('acknowledged');
    const { reply } = await runIncidentCommand(harness, 'page INC-1 <@U0BOB>', { userId: 'U0ALICE' });
    expect(reply.text).toBe("INC-1: paged <@U0BOB> in the card's thread and by DM.");
    await harness.warroom.settled();
    const dm = dmsTo(harness, 'U0BOB').at(-1);
    const blocks = JSON.stringify(dm?.blocks);
    expect(dm?.text).toMatch(/^<@U0ALICE> asks you to join INC-1 · 3 · Medium · /);
    expect(blocks).toContain(ACTION_IDS.joinIncident);
    expect(blocks).toContain(ACTION_IDS.openIncident);
    expect(blocks).not.toContain('Nothing more to do here');
    const mention = (await thread()).filter(
      (m) => m.text.startsWith('<@U0BOB>') || m.text.includes(':rotating_light: <@U0BOB>'),
    );
    expect(mention.at(-1)?.text).toContain('Join from your DM to help.');
  });

  it('Join records that they joined, says so in the thread, and only once', async () => {
    const clicker = cardClicker(harness);
    const dm = dmsTo(harness, 'U0BOB').at(-1)!;
    const first = await clicker.click(dm, 'U0BOB', ACTION_IDS.joinIncident);
    await clicker.settled();
    expect(clicker.replies(first.responseUrl)).toEqual([
      "You joined INC-1: follow and post in its card's thread.",
    ]);
    const again = await clicker.click(dm, 'U0BOB', ACTION_IDS.joinIncident);
    await clicker.settled();
    expect(clicker.replies(again.responseUrl)).toEqual([
      "You joined INC-1 already: follow and post in its card's thread.",
    ]);
    expect(
      (await thread()).filter((m) => m.text === ':raising_hand: <@U0BOB> joined INC-1 to help.'),
    ).toHaveLength(1);
    const timeline = await harness.warroom.store.listTimeline(1);
    expect(timeline.filter((e) => e.actor === 'U0BOB' && e.text === 'joined to help')).toHaveLength(1);
  });

  it('Open incident shows the incident and links its card', async () => {
    const clicker = cardClicker(harness);
    const click = await clicker.click(dmsTo(harness, 'U0BOB').at(-1)!, 'U0BOB', ACTION_IDS.openIncident);
    await clicker.settled();
    const [shown] = harness.slack.responses(click.responseUrl);
    expect(shown?.text).toMatch(/^INC-1 \[3 · Medium\] acknowledged: /);
    expect(JSON.stringify(shown?.blocks)).toContain("|Open INC-1's card>");
  });
});

describe('page DMs stay current', () => {
  it('updates every open page DM when a later signal raises the impact', async () => {
    const dmsBefore = dmsTo(harness, 'U0BOB').length;
    const [, failover] = signedOrdersDbScenario(clock.now());
    expect((await harness.postSns(failover!.body)).status).toBe(200);
    await harness.warroom.settled();
    await harness.warroom.settled();
    const incident = await harness.warroom.store.getIncident(1);
    expect(incident?.impact).toBe(2);
    // Updated in place, not sent again.
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(dmsBefore);
    expect(dmsTo(harness, 'U0BOB').at(-1)?.text).toMatch(/^<@U0ALICE> asks you to join INC-1 · 2 · High · /);
    expect(JSON.stringify(dmsTo(harness, 'U0CAROL').at(-1)?.blocks)).toContain('2 · High');
    expect(JSON.stringify(dmsTo(harness, 'U0CAROL').at(-1)?.blocks)).not.toContain('3 · Medium');
  });

  it("names the owner set by the card's Take it on the card, in /incident show, App Home and the DMs", async () => {
    const clicker = cardClicker(harness);
    const take = await clicker.click(clicker.card(1), 'U0BOB', ACTION_IDS.takeIncident);
    await clicker.settled();
    expect(clicker.replies(take.responseUrl)).toEqual(['You own INC-1 now; the escalation has stopped.']);
    // Owned: the card no longer offers Take it (/incident take hands it over).
    expect(JSON.stringify(clicker.card(1).blocks)).not.toContain(ACTION_IDS.takeIncident);
    await harness.warroom.settled();
    const owner = 'Acknowledged by <@U0CAROL> · owner <@U0BOB>';
    expect(JSON.stringify(cardClicker(harness).card(1).blocks)).toContain(owner);
    expect(JSON.stringify(dmsTo(harness, 'U0CAROL').at(-1)?.blocks)).toContain(owner);
    const { all } = await runIncidentCommand(harness, 'show INC-1', { userId: 'U0ALICE' });
    expect(all).toContain('owner <@U0BOB>');
    const before = harness.slack.callsTo('views.publish').length;
    const opened = await sendEvent(harness.warroom.url, {
      type: 'app_home_opened',
      user: 'U0ALICE',
      channel: 'D0WARROOM',
      tab: 'home',
      event_ts: `${Date.now() / 1000}`,
    });
    expect(opened.status).toBe(200);
    for (
      let waited = 0;
      harness.slack.callsTo('views.publish').length === before && waited < 5000;
      waited += 20
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    const home = harness.slack.views('U0ALICE').find((view) => view.type === 'home');
    expect(JSON.stringify(home)).toContain('acknowledged by <@U0CAROL> in 10 min · owner <@U0BOB>');
  });
});

describe('/incident take', () => {
  it('hands the incident to someone by name, and the card names the new owner', async () => {
    const { reply } = await runIncidentCommand(harness, 'take INC-1 @carla', { userId: 'U0BOB' });
    expect(reply.text).toBe('INC-1: you handed the incident to <@U0CARLA>.');
    await harness.warroom.settled();
    expect(JSON.stringify(cardClicker(harness).card(1).blocks)).toContain(
      'Acknowledged by <@U0CAROL> · owner <@U0CARLA>',
    );
    const again = await runIncidentCommand(harness, 'take INC-1 <@U0CARLA>', { userId: 'U0BOB' });
    expect(again.reply.text).toBe('<@U0CARLA> already owns INC-1.');
    const group = await runIncidentCommand(harness, 'take INC-1 @sre', { userId: 'U0BOB' });
    expect(group.reply.text).toBe(
      'Nothing changed.\n`@sre` is a user group; hand the incident to one person.',
    );
  });

  it('takes it yourself without a name', async () => {
    const { reply } = await runIncidentCommand(harness, 'take INC-1', { userId: 'U0ALICE' });
    expect(reply.text).toBe('INC-1: you took the incident (owner now).');
    expect((await harness.warroom.store.getIncident(1))?.owner).toBe('U0ALICE');
  });
});

describe('whom /incident page takes', () => {
  const page = async (args: string) =>
    (await runIncidentCommand(harness, `page INC-1 ${args}`, { userId: 'U0ALICE' })).reply.text;

  it('pages a person by @handle, by display name and by quoted real name', async () => {
    const before = dmsTo(harness, 'U0CARLA').length;
    expect(await page('@carol')).toBe("INC-1: paged <@U0CAROL> in the card's thread and by DM.");
    expect(await page('carla')).toBe("INC-1: paged <@U0CARLA> in the card's thread and by DM.");
    expect(await page('"Bob Baker"')).toBe("INC-1: paged <@U0BOB> in the card's thread and by DM.");
    await harness.warroom.settled();
    expect(dmsTo(harness, 'U0CARLA')).toHaveLength(before + 1);
  });

  it('pages a user group by its @handle, DMing its members', async () => {
    const before = dmsTo(harness, 'U0ALICE').length;
    expect(await page('@sre')).toBe("INC-1: paged <!subteam^S0SRE> in the card's thread and by DM.");
    await harness.warroom.settled();
    expect(dmsTo(harness, 'U0ALICE')).toHaveLength(before + 1);
  });

  it('asks which when a name matches several people, and pages nobody', async () => {
    const before = harness.slack.callsTo('chat.postMessage').length;
    expect(await page('car')).toBe(
      'Nobody was paged.\n`car` matches several people: <@U0CAROL> (Carol Chen), <@U0CARLA> (Carla Diaz). ' +
        'Which one? Page them by their @handle or mention.',
    );
    expect(harness.slack.callsTo('chat.postMessage')).toHaveLength(before);
  });

  it('says so when a name matches nobody', async () => {
    expect(await page('@zed')).toBe(
      'Nobody was paged.\nNobody in this workspace is called `@zed`: check the spelling, or mention them (<@…>).',
    );
  });

  it('refuses to page about a resolved incident', async () => {
    await harness.warroom.triage.perform(1, { kind: 'resolve' }, { userId: 'U0CAROL' });
    await harness.warroom.settled();
    const before = dmsTo(harness, 'U0BOB').length;
    expect(await page('@bob')).toBe(
      'INC-1 is resolved, so nobody was paged. If it needs people again, reopen it first (Reopen on the card).',
    );
    await harness.warroom.settled();
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(before);
  });
});
