import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_EVENT } from '../../src/incidents/index.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { selectState, textState } from '../handlers/actions/slack-interactions.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

// One impact-2 incident from AWS, with its own channel, and a stakeholders' updates channel.
const UPDATES = 'C0UPDATES1';
const members = ['U0WARBOT', 'U0ALICE', 'U0BOB', 'U0CAROL'];
let harness: Harness;
let incidentChannel: string;

beforeAll(async () => {
  const yaml = defaultYaml().replace(
    'alertChannel: C0ALERTS',
    `alertChannel: C0ALERTS\n  incidentChannels: true\n  updatesChannel: ${UPDATES}`,
  );
  harness = await startHarness({
    yaml,
    slackWorkspace: {
      channels: [
        { id: ALERT_CHANNEL, name: 'alerts', members },
        { id: UPDATES, name: 'status-updates', members },
      ],
    },
  });
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

function card() {
  const found = harness.slack.messages(ALERT_CHANNEL).find((message) => !message.thread_ts);
  if (!found) throw new Error('no card');
  return found;
}

/** The update messages warroom posted in each place. */
function updateLines() {
  const isUpdate = (message: { metadata?: { event_type: string } }) =>
    message.metadata?.event_type === UPDATE_EVENT;
  const top = (channel: string) =>
    harness.slack
      .messages(channel)
      .filter((message) => !message.thread_ts && isUpdate(message))
      .map((message) => message.text);
  return {
    thread: harness.slack
      .messages(ALERT_CHANNEL)
      .filter((message) => message.thread_ts === card().ts && isUpdate(message))
      .map((message) => message.text),
    channel: top(incidentChannel),
    updates: top(UPDATES),
  };
}

describe('status updates', () => {
  it('/incident update posts impact, status, duration, owner and the words in the thread, the incident channel and the updates channel', async () => {
    const { reply } = await runIncidentCommand(
      harness,
      'update INC-1 Failover done; <@U0BOB> watches the replica',
    );
    const { thread, channel, updates } = updateLines();
    expect(thread).toHaveLength(1);
    expect(channel).toEqual(thread);
    expect(updates).toEqual(thread);
    // Posting an update acknowledges the open incident, so it is shown acknowledged, owned by its author.
    expect(thread[0]).toMatch(
      /^📣 \*INC-1 update\*: .+ · Impact 2 \(High\) · Acknowledged · for \d+ d( \d+ h)? · owner <@U0ALICE>\n<@U0ALICE>: Failover done; <@U0BOB> watches the replica$/,
    );
    expect(reply.text).toMatch(
      new RegExp(
        `^INC-1: your update is on the timeline, <https://[^|]+\\|in the card's thread>, <https://[^|]+\\|in the incident channel> <#${incidentChannel}> and <https://[^|]+\\|for stakeholders> <#${UPDATES}>\\.$`,
      ),
    );
    const entry = (await harness.warroom.store.listTimeline(1)).find((item) => item.kind === 'update');
    expect(entry).toMatchObject({ actor: 'U0ALICE', text: 'Failover done; <@U0BOB> watches the replica' });
  });

  it('the card shows the latest update, its time and author', async () => {
    await runIncidentCommand(harness, 'update INC-1 Replica caught up', { userId: 'U0BOB' });
    await harness.warroom.settled();
    const blocks = (card().blocks ?? []) as Array<{ block_id?: string; elements?: Array<{ text?: string }> }>;
    const line = blocks.find((block) => block.block_id === BLOCK_IDS.cardLatestUpdate);
    expect(line?.elements?.[0]?.text).toMatch(
      /^📣 Latest update <!date\^\d+\^.+> by <@U0BOB>: Replica caught up$/,
    );
  });

  it('refuses an update with no words, and posts nothing', async () => {
    const before = updateLines().updates.length;
    const { reply } = await runIncidentCommand(harness, 'update INC-1');
    expect(reply.text).toContain('Write the update after the id.');
    expect(updateLines().updates).toHaveLength(before);
  });

  it('Post update opens a form with the impact and status prefilled; its update, with a new impact, is posted once though submitted twice', async () => {
    const clicker = cardClicker(harness);
    await clicker.click(clicker.card(1), 'U0CAROL', ACTION_IDS.postUpdate);
    await clicker.settled();
    const modal = clicker.openModal('U0CAROL');
    const shown = JSON.stringify(modal);
    expect(shown).toContain('"initial_option":{"text":{"type":"plain_text","text":"2 · High"},"value":"2"}');
    expect(shown).toContain('*Status:* Acknowledged');

    const blank = await clicker.submit(modal, 'U0CAROL', {
      [BLOCK_IDS.updateImpactInput]: { [ACTION_IDS.impactChoice]: selectState(2) },
      [BLOCK_IDS.updateInput]: { [ACTION_IDS.updateText]: textState(null) },
    });
    expect(JSON.parse(blank.body)).toEqual({
      response_action: 'errors',
      errors: { [BLOCK_IDS.updateInput]: 'Write the update before posting it.' },
    });

    const values = {
      [BLOCK_IDS.updateImpactInput]: { [ACTION_IDS.impactChoice]: selectState(1) },
      [BLOCK_IDS.updateInput]: { [ACTION_IDS.updateText]: textState('Checkout is failing for everyone') },
    };
    await Promise.all([clicker.submit(modal, 'U0CAROL', values), clicker.submit(modal, 'U0CAROL', values)]);
    await clicker.settled();
    expect((await harness.warroom.store.getIncident(1))?.impact).toBe(1);
    const posted = (lines: string[]) =>
      lines.filter((line) => line.includes('Checkout is failing for everyone'));
    const { thread, channel, updates } = updateLines();
    expect(posted(thread)).toHaveLength(1);
    expect(posted(channel)).toEqual(posted(thread));
    expect(posted(updates)).toEqual(posted(thread));
    expect(posted(thread)[0]).toMatch(
      / · Impact 1 \(Critical\) · .*\n<@U0CAROL>: Checkout is failing for everyone$/,
    );
    const told = harness.slack
      .ephemerals(ALERT_CHANNEL)
      .filter((message) => message.user === 'U0CAROL')
      .map((message) => message.text);
    expect(told.filter((text) => text?.startsWith('INC-1: your update is on the timeline'))).toHaveLength(1);
  });
});
