import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_EVENT } from '../../src/incidents/index.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { textState } from '../handlers/actions/slack-interactions.ts';
import { sendEvent } from '../support/slack-requests.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

// One impact-2 incident from AWS, with its own channel; the cases add notes to it in turn.
let harness: Harness;
let incidentChannel: string;

beforeAll(async () => {
  const yaml = defaultYaml().replace(
    'alertChannel: C0ALERTS',
    'alertChannel: C0ALERTS\n  incidentChannels: true',
  );
  harness = await startHarness({ yaml });
  const [, failover] = signedOrdersDbScenario(new Date('2026-11-22T09:25:00Z'));
  expect((await harness.postSns(failover!.body)).status).toBe(200);
  await harness.warroom.settled();
  const channel = (await harness.warroom.store.getIncident(1))?.channelId;
  if (!channel) throw new Error('INC-1 has no channel');
  incidentChannel = channel;
});

afterAll(async () => {
  await harness.stop();
});

function cardTs(): string {
  const card = harness.slack.messages(ALERT_CHANNEL).find((message) => !message.thread_ts);
  if (!card) throw new Error('no card');
  return card.ts;
}

/** The note lines warroom posted in the card's thread and in the incident channel. */
function noteLines() {
  const isNote = (message: { metadata?: { event_type: string } }) =>
    message.metadata?.event_type === NOTE_EVENT;
  return {
    thread: harness.slack
      .messages(ALERT_CHANNEL)
      .filter((message) => message.thread_ts === cardTs() && isNote(message))
      .map((message) => message.text),
    channel: harness.slack
      .messages(incidentChannel)
      .filter((message) => !message.thread_ts && isNote(message))
      .map((message) => message.text),
  };
}

describe('notes people can see', () => {
  it("a command note appears in the card's thread and the incident channel, mentions kept, and the reply links both", async () => {
    const { reply } = await runIncidentCommand(harness, 'note INC-1 asked <@U0BOB> to check the replica');
    const line = '📝 <@U0ALICE> · INC-1: asked <@U0BOB> to check the replica';
    expect(noteLines()).toEqual({ thread: [line], channel: [line] });
    expect(reply.text).toMatch(
      new RegExp(
        `^INC-1: your note is on the timeline, <https://[^|]+\\|in the card's thread> and <https://[^|]+\\|in the incident channel> <#${incidentChannel}>\\.$`,
      ),
    );
  });

  it('a note from the Add note modal appears in both places too, once though submitted twice', async () => {
    const clicker = cardClicker(harness);
    await clicker.click(clicker.card(1), 'U0CAROL', ACTION_IDS.addNote);
    await clicker.settled();
    const modal = clicker.openModal('U0CAROL');
    const values = { [BLOCK_IDS.noteInput]: { [ACTION_IDS.noteText]: textState('Replica caught up') } };
    await Promise.all([clicker.submit(modal, 'U0CAROL', values), clicker.submit(modal, 'U0CAROL', values)]);
    await clicker.settled();
    const line = '📝 <@U0CAROL> · INC-1: Replica caught up';
    expect(noteLines().thread.filter((text) => text === line)).toHaveLength(1);
    expect(noteLines().channel.filter((text) => text === line)).toHaveLength(1);
  });

  it('a note whose post answers Slack lost is posted once in each place', async () => {
    // The first two posts: the card thread's line, then the incident channel's.
    harness.slack.loseAnswer('chat.postMessage', 'http-500', 2);
    const { reply } = await runIncidentCommand(harness, 'note INC-1 lost answer, still one line');
    // Found by its metadata, not reported as a failure.
    expect(reply.text).toContain("in the card's thread>");
    expect(reply.text).toContain('in the incident channel>');
    expect(reply.text).not.toContain('could not');
    const line = '📝 <@U0ALICE> · INC-1: lost answer, still one line';
    expect(noteLines().thread.filter((text) => text === line)).toHaveLength(1);
    expect(noteLines().channel.filter((text) => text === line)).toHaveLength(1);
  });

  it('a 5,000-character note is stored whole, posted whole in marked parts, and the timeline points there', async () => {
    const lines = Array.from(
      { length: 100 },
      (_, index) => `log ${String(index).padStart(3, '0')} ${'x'.repeat(42)}`,
    );
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(4900);
    const { reply } = await runIncidentCommand(harness, `note INC-1 ${text}`);
    expect(reply.text).toContain('your note is on the timeline');
    const stored = (await harness.warroom.store.listTimeline(1))
      .filter((entry) => entry.kind === 'note')
      .at(-1);
    expect(stored?.text).toBe(text);
    const parts = noteLines().thread.filter((line) => line.includes('log '));
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^📝 <@U0ALICE> · INC-1 \(1\/2\): log 000 /);
    expect(parts[1]).toMatch(/^📝 <@U0ALICE> · INC-1 \(2\/2\): log \d{3} /);
    const whole = parts.map((part) => part.replace(/^📝 <@U0ALICE> · INC-1 \(\d\/2\): /, '')).join('\n');
    expect(whole).toBe(text);
    expect(noteLines().channel.filter((line) => line.includes('log '))).toHaveLength(2);

    const { all } = await runIncidentCommand(harness, 'timeline INC-1');
    expect(all).not.toContain('log 099');
    expect(all).toMatch(/_\(\d,\d{3} characters; <https:\/\/[^|]+\|whole in the card's thread>\)_/);
  });

  it('the timeline renders mentions as mentions and keeps anything else escaped', async () => {
    await runIncidentCommand(harness, 'note INC-1 handed to <!subteam^S0SRE|@sre> &lt;!channel&gt;');
    const { all } = await runIncidentCommand(harness, 'timeline INC-1');
    expect(all).toContain('<@U0ALICE> · asked <@U0BOB> to check the replica');
    expect(all).toContain('handed to <!subteam^S0SRE> &lt;!channel&gt;');
  });

  it('a message 📌 in the incident channel is shown in the card thread, and not again in the channel', async () => {
    const message = harness.slack.postAsUser(incidentChannel, 'U0BOB', 'writer is back, lag 0');
    const event = {
      type: 'reaction_added',
      user: 'U0ALICE',
      reaction: 'pushpin',
      item_user: 'U0BOB',
      item: { type: 'message', channel: incidentChannel, ts: message.ts },
      event_ts: `${Date.now() / 1000}`,
    };
    expect((await sendEvent(harness.warroom.url, event)).status).toBe(200);
    await expect
      .poll(() => noteLines().thread.find((line) => line.includes('writer is back')), { timeout: 5000 })
      .toMatch(/^📌 <@U0ALICE> · INC-1: added a message by <@U0BOB>: “writer is back, lag 0” https:\/\//);
    expect(noteLines().channel.filter((line) => line.includes('writer is back'))).toEqual([]);
  });
});
