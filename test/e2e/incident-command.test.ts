import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VIEW_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand, sendIncidentCommand } from '../commands/slash-command-client.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

// One warroom for the file; the cases build on each other like a real incident: declare, a second
// incident from AWS, then ack, impact, note, show, timeline and resolve.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

const store = () => harness.warroom.store;

async function waitForModal(userId: string, callbackId: string) {
  return vi.waitFor(
    () => {
      const view = harness.slack.views(userId).find((candidate) => candidate.callback_id === callbackId);
      if (!view) throw new Error(`no ${callbackId} open for ${userId}`);
      return view;
    },
    { timeout: 5000, interval: 10 },
  );
}

describe('/incident help and unknown subcommands', () => {
  it('answers an empty command with every subcommand, ephemerally', async () => {
    const { sent, reply } = await runIncidentCommand(harness, '');
    expect(await sent.response.text()).toBe('');
    expect(reply.responseType).toBe('ephemeral');
    for (const usage of ['declare <title> [impact]', 'list', 'show [id]', 'ack [id]', 'impact [id] <1-5>']) {
      expect(reply.text).toContain(`\`/incident ${usage}\``);
    }
    expect(reply.text).toContain('`/incident timeline [id] [page]`');
  });

  it('answers `help impact` with the usage line of impact', async () => {
    const { reply } = await runIncidentCommand(harness, 'help impact');
    expect(reply.text).toBe(
      'Usage: `/incident impact [id] <1-5>` — impact must be 1 (Critical), 2 (High), 3 (Medium), 4 (Low), 5 (No impact)',
    );
  });

  it('answers bad help arguments with the usage of help', async () => {
    const { reply } = await runIncidentCommand(harness, 'help me please');
    expect(reply.text).toContain('Usage: `/incident help [subcommand]`');
  });

  it('answers an unknown subcommand by naming it', async () => {
    const { reply } = await runIncidentCommand(harness, 'escalate INC-1');
    expect(reply.responseType).toBe('ephemeral');
    expect(reply.text).toContain('`/incident` has no subcommand `escalate`');
  });
});

describe('/incident list when nothing is open', () => {
  it('says there is no open incident', async () => {
    const { reply } = await runIncidentCommand(harness, 'list');
    expect(reply.text).toBe('There is no open incident.');
  });
});

describe('/incident declare', () => {
  it('declares with a title and impact, replies with the new id, and the card sync posts the card', async () => {
    const { reply } = await runIncidentCommand(harness, 'declare Checkout errors for EU 2');
    expect(reply.responseType).toBe('ephemeral');
    expect(reply.text).toContain('You declared *INC-1* · Checkout errors for EU (impact 2 · High)');
    const incident = await store().getIncident(1);
    expect(incident).toMatchObject({ title: 'Checkout errors for EU', impact: 2, declaredBy: 'U0ALICE' });
    await harness.warroom.settled();
    expect(harness.slack.messages(ALERT_CHANNEL).some((message) => message.text.includes('INC-1'))).toBe(
      true,
    );
  });

  it('opens the declare modal with the command trigger_id when given no arguments', async () => {
    const sent = await sendIncidentCommand(harness, 'declare', { userId: 'U0BOB' });
    expect(sent.response.status).toBe(200);
    const view = await waitForModal('U0BOB', VIEW_IDS.declareModal);
    expect(JSON.parse(String(view.private_metadata))).toEqual({ channelId: ALERT_CHANNEL });
    expect(harness.slack.responses(sent.responseUrl)).toEqual([]);
  });

  it('answers a title that is too long with the usage of declare and declares nothing', async () => {
    const { reply } = await runIncidentCommand(harness, `declare ${'x'.repeat(200)}`);
    expect(reply.text).toContain('A title can be at most 150 characters.');
    expect(reply.text).toContain('Usage: `/incident declare <title> [impact]`');
    expect(await store().getIncident(2)).toBeUndefined();
  });
});

describe('/incident on an incident opened by AWS', () => {
  beforeAll(async () => {
    const [alarm] = signedOrdersDbScenario(new Date());
    expect((await harness.postSns(alarm!.body)).status).toBe(200);
    await harness.warroom.settled();
    expect((await store().getIncident(2))?.resource?.id).toBe('orders-db');
  });

  it('list shows the open incidents worst impact first: the declared 2 · High above the newer alarm', async () => {
    const { all } = await runIncidentCommand(harness, 'list');
    expect(all).toContain('*2 open incidents*');
    expect(all.indexOf('*INC-1*')).toBeGreaterThan(-1);
    expect(all.indexOf('*INC-1*')).toBeLessThan(all.indexOf('*INC-2*'));
  });

  it('list answers arguments it does not take with its usage', async () => {
    const { reply } = await runIncidentCommand(harness, 'list everything');
    expect(reply.text).toBe('Usage: `/incident list` — list takes no arguments');
  });

  it('asks which incident when the id is left out and two are open in the channel', async () => {
    const { reply } = await runIncidentCommand(harness, 'ack');
    expect(reply.text).toContain('Which incident? Name it, e.g. `/incident ack INC-2`');
    expect(reply.text).toContain('• INC-1');
    expect(reply.text).toContain('• INC-2');
    expect((await store().getIncident(2))?.status).toBe('open');
  });

  it('ack acknowledges, naming the user on the timeline', async () => {
    const { reply } = await runIncidentCommand(harness, 'ack inc-2');
    expect(reply.text).toBe('INC-2: you acknowledged the incident (open → acknowledged).');
    expect(await store().getIncident(2)).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'U0ALICE' });
    const timeline = await store().listTimeline(2);
    expect(timeline.filter((entry) => entry.kind === 'status')).toEqual([
      expect.objectContaining({ actor: 'U0ALICE', from: 'open', to: 'acknowledged' }),
    ]);
  });

  it('ack a second time changes nothing and says who acknowledged', async () => {
    const { reply } = await runIncidentCommand(harness, 'ack 2', { userId: 'U0BOB' });
    expect(reply.text).toContain('INC-2 was already acknowledged by <@U0ALICE>');
  });

  it('ack answers a word that is not an id with the usage of ack', async () => {
    const { reply } = await runIncidentCommand(harness, 'ack orders-db');
    expect(reply.text).toBe(
      '`orders-db` is not an incident id (INC-42, inc-42 or 42).\nUsage: `/incident ack [id]` — acknowledge an incident: you are on it',
    );
  });

  it('impact sets the impact, from → to on the timeline', async () => {
    const before = (await store().getIncident(2))?.impact;
    const { reply } = await runIncidentCommand(harness, 'impact INC-2 1');
    expect(reply.text).toBe(`INC-2: you set the impact to 1 (Critical) (${before} → 1).`);
    expect(await store().getIncident(2)).toMatchObject({ impact: 1, impactSetBy: 'person' });
  });

  it('impact answers an impact outside 1-5 with its usage line and changes nothing', async () => {
    const { reply } = await runIncidentCommand(harness, 'impact INC-2 7');
    expect(reply.text).toContain('`7` is not an impact.');
    expect(reply.text).toContain('Usage: `/incident impact [id] <1-5>` — impact must be 1 (Critical)');
    expect((await store().getIncident(2))?.impact).toBe(1);
  });

  it('note adds one note, even when the same command arrives twice', async () => {
    const first = await runIncidentCommand(harness, 'note INC-2 Failover to the standby looks done');
    expect(first.reply.text).toMatch(
      /^INC-2: your note is on the timeline and <https:\/\/[^|]+\|in the card's thread>\.$/,
    );
    const again = await runIncidentCommand(harness, 'note INC-2 Failover to the standby looks done', {
      triggerId: first.sent.triggerId,
    });
    expect(again.reply.text).toBe('INC-2: that was already done; nothing changed.');
    const notes = (await store().listTimeline(2)).filter((entry) => entry.kind === 'note');
    expect(notes).toEqual([
      expect.objectContaining({ actor: 'U0ALICE', text: 'Failover to the standby looks done' }),
    ]);
  });

  it('note keeps what Slack escaped as the person typed it, and shows it escaped', async () => {
    await runIncidentCommand(harness, 'note INC-2 p99 &gt; 2s &amp; &lt;!channel&gt;');
    const notes = (await store().listTimeline(2)).filter((entry) => entry.kind === 'note');
    expect(notes.at(-1)?.text).toBe('p99 > 2s & <!channel>');
    const { all } = await runIncidentCommand(harness, 'timeline INC-2');
    expect(all).toContain('p99 &gt; 2s &amp; &lt;!channel&gt;');
    expect(all).not.toContain('<!channel>');
  });

  it('note answers a missing text with its usage line', async () => {
    const { reply } = await runIncidentCommand(harness, 'note INC-2');
    expect(reply.text).toContain('Write the note after the id.');
    expect(reply.text).toContain('Usage: `/incident note [id] <text>`');
  });

  it('show gives status, impact, who acknowledged, the resource and the Incident Manager state', async () => {
    const { reply, all } = await runIncidentCommand(harness, 'show INC-2');
    expect(reply.responseType).toBe('ephemeral');
    expect(all).toContain('Acknowledged by <@U0ALICE>');
    expect(all).toContain('1 · Critical');
    expect(all).toContain('orders-db');
    expect(all).toContain("Incident Manager: not linked (warroom's own record only)");
  });

  it('show answers two ids with its usage, and an unknown id plainly', async () => {
    expect((await runIncidentCommand(harness, 'show 1 2')).reply.text).toBe(
      'Usage: `/incident show [id]` — show an incident, including whether Incident Manager is up to date',
    );
    expect((await runIncidentCommand(harness, 'show INC-99')).reply.text).toBe(
      'There is no incident INC-99.',
    );
  });

  it('timeline shows every entry with time, who, what and from → to', async () => {
    const { all } = await runIncidentCommand(harness, 'timeline INC-2');
    expect(all).toContain('*Timeline of INC-2*');
    expect(all).toContain('AWS cloudwatch-alarm');
    expect(all).toContain('<@U0ALICE> · acknowledged the incident (open → acknowledged)');
    expect(all).toMatch(/<@U0ALICE> · set the impact to 1 \(Critical\) \(\d → 1\)/);
    expect(all).toContain('<@U0ALICE> · Failover to the standby looks done');
    expect(all).toContain('<!date^');
  });

  it('timeline answers a bad id with its usage', async () => {
    const { reply } = await runIncidentCommand(harness, 'timeline latest');
    expect(reply.text).toContain('Usage: `/incident timeline [id] [page]`');
  });

  it('resolve without a summary opens the resolve modal for that incident', async () => {
    const sent = await sendIncidentCommand(harness, 'resolve INC-2', { userId: 'U0CAROL' });
    const view = await waitForModal('U0CAROL', VIEW_IDS.resolveModal);
    expect(JSON.parse(String(view.private_metadata))).toEqual({ seq: 2, channelId: ALERT_CHANNEL });
    expect(harness.slack.responses(sent.responseUrl)).toEqual([]);
    expect((await store().getIncident(2))?.status).toBe('acknowledged');
  });

  it('resolve answers an over-long summary with its usage and resolves nothing', async () => {
    const { reply } = await runIncidentCommand(harness, `resolve INC-2 ${'s'.repeat(3001)}`);
    expect(reply.text).toContain('Usage: `/incident resolve [id] [summary]`');
    expect((await store().getIncident(2))?.status).toBe('acknowledged');
  });

  it('resolve with a summary resolves and keeps the summary', async () => {
    const { reply } = await runIncidentCommand(
      harness,
      'resolve INC-2 Failed over; the old primary was replaced',
    );
    // This suite runs on the system clock: the durations line is there, its numbers are not fixed.
    expect(reply.text).toMatch(
      /^INC-2: you resolved the incident: Failed over; the old primary was replaced \(acknowledged → resolved\)\.\nAcknowledged in [\w ]+ · resolved in [\w ]+ · impact lasted [\w ]+\.$/,
    );
    expect(await store().getIncident(2)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'U0ALICE',
      summary: 'Failed over; the old primary was replaced',
    });
  });

  it('resolve on a resolved incident says so instead of opening a form', async () => {
    const { reply } = await runIncidentCommand(harness, 'resolve INC-2', { userId: 'U0BOB' });
    expect(reply.text).toContain('INC-2 was already resolved by <@U0ALICE>');
    expect(harness.slack.views('U0BOB').some((view) => view.callback_id === VIEW_IDS.resolveModal)).toBe(
      false,
    );
  });

  it('leaves the id out where exactly one incident is open in the channel', async () => {
    const { all } = await runIncidentCommand(harness, 'show');
    expect(all).toContain('*INC-1* · Checkout errors for EU');
  });
});
