import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { sendAlarmStorm } from '../support/alarm-storm.ts';
import { dmsTo, escalationYaml, tickEscalation } from '../support/escalation-harness.ts';
import { sendSlashCommand } from '../support/slack-requests.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date());
let harness: Harness;

beforeAll(async () => {
  // The local Slack keeps Slack's rate limits: warroom must pace itself under them.
  harness = await startHarness({
    clock,
    yaml: escalationYaml('reminders:\n  afterMinutes: 30\n'),
    slackRateLimits: true,
  });
});

afterAll(async () => {
  await harness.stop();
});

const sendStorm = () => sendAlarmStorm(harness, clock);

/** Every call the local Slack answered 429 so far. */
const rateLimited = () => harness.slack.calls.filter((call) => call.status === 429);

const topLevelCards = () => harness.slack.messages(ALERT_CHANNEL).filter((message) => !message.thread_ts);

/** `/incident <text>` from Carol, signed like Slack; answers the ephemeral reply. */
async function command(text: string) {
  const responseUrl = harness.slack.issueResponseUrl('U0CAROL', ALERT_CHANNEL);
  const sent = await sendSlashCommand(harness.warroom.url, {
    text,
    userId: 'U0CAROL',
    responseUrl,
    triggerId: harness.slack.issueTriggerId('U0CAROL'),
  });
  expect(sent.status).toBe(200);
  return vi.waitFor(
    () => {
      const [reply] = harness.slack.responses(responseUrl);
      if (!reply) throw new Error('no reply yet');
      return reply.text ?? '';
    },
    { timeout: 5000, interval: 20 },
  );
}

describe('the 20-database alarm storm', () => {
  it('opens one storm incident whose card lists the shards, and 20 member incidents', async () => {
    await sendStorm();
    const open = await harness.warroom.store.listOpenIncidents();
    const storms = open.filter((incident) => incident.storm);
    expect(storms).toHaveLength(1);
    const storm = storms[0]!;
    expect(storm.title).toBe('Storm: CPUUtilization alarms on 20 resources');
    expect(storm.storm?.members).toHaveLength(20);
    const members = open.filter((incident) => incident.stormSeq === storm.seq);
    expect(members.map((member) => member.resource?.id).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `orders-shard-${String(i + 1).padStart(2, '0')}`),
    );
    // Each member is a real incident: its own timeline says it joined, and later alarms reached it.
    for (const member of members) {
      expect(member.signalCount).toBe(2);
      const timeline = await harness.warroom.store.listTimeline(member.seq);
      expect(timeline.some((entry) => entry.text.startsWith(`joined storm INC-${storm.seq}`))).toBe(true);
    }
    const stormCard = topLevelCards().filter((card) => card.text.startsWith(`INC-${storm.seq} `));
    expect(stormCard).toHaveLength(1);
    expect(JSON.stringify(stormCard[0]?.blocks)).toContain('Storm: 20 resources');
    expect(rateLimited()).toEqual([]);
  }, 120_000);

  it("lists every member once in the storm card's thread, updated in place", async () => {
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    const card = await harness.warroom.store.getCard(storm.seq, ALERT_CHANNEL);
    const lists = harness.slack
      .messages(ALERT_CHANNEL)
      .filter((message) => message.thread_ts === card?.ts && message.text.includes('incidents in storm'));
    expect(lists).toHaveLength(1);
    const text = JSON.stringify(lists[0]?.blocks);
    expect(text).toContain(`20 incidents in storm INC-${storm.seq}`);
    for (const seq of storm.storm!.members) expect(text).toContain(`*INC-${seq}*`);
  });

  it('does not post members as top-level cards: only those that came before the storm formed', async () => {
    const cards = topLevelCards();
    // At most the four shards that opened before the threshold, plus the storm's card.
    expect(cards.length).toBeLessThanOrEqual(5);
    const early = cards.filter((card) => !card.text.includes('Storm:'));
    for (const card of early) expect(JSON.stringify(card.blocks)).toContain('Joined storm INC-');
  });

  it('pages for the first shard and then once per stage for the storm, never for shards 2–20', async () => {
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    // The first shard was alone when it opened, so it paged Alice at once; the next ones waited for
    // the storm. The storm's first stage pages Alice too: her INC-1 DM now points at the storm instead.
    const joined = `INC-1 is now part of storm INC-${storm.seq}`;
    const alice = () => dmsTo(harness, 'U0ALICE');
    const onlyDm = () => {
      expect(alice()).toHaveLength(1);
      const dm = alice()[0]!;
      expect(dm.text.startsWith(`${joined}: You are paged for INC-${storm.seq}`)).toBe(true);
      expect(JSON.stringify(dm.blocks)).toContain(joined);
      // Its buttons act on the storm.
      expect(JSON.stringify(dm.blocks)).toContain(`{\\"seq\\":${storm.seq},`);
    };
    onlyDm();
    const timeline = await harness.warroom.store.listTimeline(storm.seq);
    expect(timeline.some((entry) => entry.text.startsWith('paged <@U0ALICE>'))).toBe(true);
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(0);
    clock.advance(5 * MINUTE);
    await tickEscalation(harness);
    clock.advance(5 * MINUTE);
    await tickEscalation(harness);
    onlyDm();
    expect(dmsTo(harness, 'U0BOB').map((dm) => dm.text.match(/INC-\d+/)?.[0])).toEqual([`INC-${storm.seq}`]);
    const first = await harness.warroom.store.listTimeline(1);
    expect(first.some((entry) => entry.text.startsWith(`stopped escalating: storm INC-${storm.seq}`))).toBe(
      true,
    );
  });

  it('a shard split out while open gets its own card and is paged on its own from the split', async () => {
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    const seq = storm.storm!.members[10]!;
    expect(await command(`split INC-${seq}`)).toBe(`INC-${seq}: you split it out of storm INC-${storm.seq}.`);
    await tickEscalation(harness);
    expect(topLevelCards().filter((card) => card.text.startsWith(`INC-${seq} `))).toHaveLength(1);
    expect(dmsTo(harness, 'U0ALICE').filter((dm) => dm.text.includes(`INC-${seq}`))).toHaveLength(1);
    await harness.warroom.triage.perform(
      seq,
      { kind: 'resolve', summary: 'split test' },
      { userId: 'U0CAROL' },
    );
    await harness.warroom.settled();
  });

  it("a shard acknowledged or re-rated on its own moves the storm card's open count and list", async () => {
    const clicker = cardClicker(harness);
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    const members = storm.storm!.members;
    expect(JSON.stringify(clicker.card(storm.seq).blocks)).toContain(`(${members.length} open)`);
    const acked = members[2]!;
    expect(await command(`ack INC-${acked}`)).toContain(`INC-${acked}`);
    await harness.warroom.settled();
    expect(JSON.stringify(clicker.card(storm.seq).blocks)).toContain(`(${members.length - 1} open)`);
    const list = () =>
      JSON.stringify(
        harness.slack.messages(ALERT_CHANNEL).find((message) => message.text.includes('incidents in storm'))
          ?.blocks,
      );
    expect(list()).toMatch(new RegExp(`\\*INC-${acked}\\*[^•]*· acknowledged ·`));
    const rerated = members[3]!;
    const shard = (await harness.warroom.store.getIncident(rerated))?.resource?.id;
    expect(await command(`impact INC-${rerated} 1`)).toContain(`INC-${rerated}`);
    await harness.warroom.settled();
    // Worst impact first: the re-rated shard heads the card's list, and the storm takes its impact.
    const card = JSON.stringify(clicker.card(storm.seq).blocks);
    expect(card).toContain(`• INC-${rerated} · ${shard} · 1 · Critical`);
    expect((await harness.warroom.store.getIncident(storm.seq))?.impact).toBe(1);
    const timeline = await harness.warroom.store.listTimeline(storm.seq);
    expect(
      timeline.some((entry) =>
        entry.text.includes(`members now ${members.length - 1} open · 1 acknowledged`),
      ),
    ).toBe(true);
  });

  it('Acknowledge on the storm card acknowledges every shard, each on its own timeline', async () => {
    const clicker = cardClicker(harness);
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    const click = await clicker.click(clicker.card(storm.seq), 'U0CAROL', ACTION_IDS.acknowledge);
    expect(click.status).toBe(200);
    await clicker.settled();
    for (const seq of storm.storm!.members) {
      const member = await harness.warroom.store.getIncident(seq);
      expect(member).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'U0CAROL' });
      // The shards Carol acknowledged on their own earlier (one by ack, one by changing its impact,
      // which acknowledges it too) keep that acknowledgement.
      const ownEarlier = [storm.storm!.members[2], storm.storm!.members[3]];
      const fromStorm = !ownEarlier.includes(seq);
      const timeline = await harness.warroom.store.listTimeline(seq);
      expect(
        timeline.some((entry) => entry.kind === 'status' && entry.text.includes(`on storm INC-${storm.seq}`)),
      ).toBe(fromStorm);
    }
    const card = JSON.stringify(clicker.card(storm.seq).blocks);
    expect(card).toContain('(0 open)');
    const list = harness.slack
      .messages(ALERT_CHANNEL)
      .find((message) => message.text.includes('incidents in storm'));
    expect(JSON.stringify(list?.blocks)).not.toMatch(/· open ·/);
    expect(JSON.stringify(list?.blocks)).toContain('· acknowledged ·');
    expect(card).not.toContain(ACTION_IDS.acknowledge);
  });

  it('setting the impact on the storm card sets it on every shard still in the storm', async () => {
    const clicker = cardClicker(harness);
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    const click = await clicker.click(clicker.card(storm.seq), 'U0CAROL', ACTION_IDS.impactSelect, {
      impact: 2,
    });
    expect(click.status).toBe(200);
    await clicker.settled();
    expect((await harness.warroom.store.getIncident(storm.seq))?.impact).toBe(2);
    for (const seq of storm.storm!.members) {
      expect((await harness.warroom.store.getIncident(seq))?.impact).toBe(2);
      const timeline = await harness.warroom.store.listTimeline(seq);
      expect(
        timeline.some((entry) => entry.kind === 'impact' && entry.text.includes(`on storm INC-${storm.seq}`)),
      ).toBe(true);
    }
  });

  it('reminds once, on the storm, when the acknowledged storm goes quiet', async () => {
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    const reminders = () =>
      harness.slack.messages(ALERT_CHANNEL).filter((message) => message.text.includes('has had no update'));
    const before = reminders().length;
    clock.advance(31 * MINUTE);
    await tickEscalation(harness);
    expect(
      reminders()
        .slice(before)
        .map((message) => message.text.match(/INC-\d+/)?.[0]),
    ).toEqual([`INC-${storm.seq}`]);
  });

  it('Split out of storm on a shard card posted before the storm takes that shard out', async () => {
    const clicker = cardClicker(harness);
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    const card = clicker.card(1);
    expect(JSON.stringify(card.blocks)).toContain(ACTION_IDS.splitFromStorm);
    expect((await clicker.click(card, 'U0CAROL', ACTION_IDS.splitFromStorm)).status).toBe(200);
    await clicker.settled();
    expect((await harness.warroom.store.getIncident(1))?.stormSeq).toBeUndefined();
    expect((await harness.warroom.store.getIncident(storm.seq))?.storm?.members).not.toContain(1);
    expect(JSON.stringify(clicker.card(1).blocks)).not.toContain(ACTION_IDS.splitFromStorm);
  });

  it('/incident split takes one shard out: its own card, gone from the storm, refused when asked again', async () => {
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    const seq = storm.storm!.members.at(-1)!;
    expect(await command(`split INC-${seq}`)).toBe(`INC-${seq}: you split it out of storm INC-${storm.seq}.`);
    await harness.warroom.settled();
    const member = await harness.warroom.store.getIncident(seq);
    expect(member?.stormSeq).toBeUndefined();
    expect((await harness.warroom.store.getIncident(storm.seq))?.storm?.members).not.toContain(seq);
    expect(topLevelCards().filter((card) => card.text.startsWith(`INC-${seq} `))).toHaveLength(1);
    expect(await command(`split INC-${seq}`)).toBe(`INC-${seq} is not part of a storm; nothing to split.`);
  });

  it('resolving the storm resolves every shard still in it, not the one split out', async () => {
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    await harness.warroom.triage.perform(
      storm.seq,
      { kind: 'resolve', summary: 'router rolled back' },
      {
        userId: 'U0CAROL',
      },
    );
    await harness.warroom.settled();
    const open = await harness.warroom.store.listOpenIncidents();
    expect(open.map((incident) => incident.resource?.id).sort()).toEqual([
      'orders-shard-01',
      'orders-shard-20',
    ]);
  });

  it('a storm whose shards are all resolved on their own resolves itself and says why', async () => {
    clock.advance(30 * MINUTE);
    await sendStorm();
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    const members = storm.storm!.members;
    expect(members.length).toBeGreaterThanOrEqual(5);
    for (const seq of members) {
      expect((await harness.warroom.store.getIncident(storm.seq))?.status).not.toBe('resolved');
      await harness.warroom.triage.perform(
        seq,
        { kind: 'resolve', summary: 'shard healed' },
        { userId: 'U0CAROL' },
      );
      await harness.warroom.settled();
    }
    expect((await harness.warroom.store.getIncident(storm.seq))?.status).toBe('resolved');
    const timeline = await harness.warroom.store.listTimeline(storm.seq);
    const texts = timeline.map((entry) => entry.text);
    expect(texts).toContain(`resolved the storm: all ${members.length} incidents in it are resolved`);
    // Its escalation stops as for any resolved incident.
    expect(texts).toContain('stopped escalating: resolved');
    const card = JSON.stringify(cardClicker(harness).card(storm.seq).blocks);
    expect(card).toContain(`(0 open)`);
    expect(card).not.toContain(ACTION_IDS.resolve);
  });

  it('never met a 429 from Slack: through both storms and every click, warroom waited its turn', () => {
    expect(harness.slack.calls.length).toBeGreaterThan(100);
    expect(rateLimited()).toEqual([]);
  });
});
