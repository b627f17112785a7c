import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeclareModal } from '../../src/incidents/incident-modals.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { selectState, textState } from '../handlers/actions/slack-interactions.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness, TEST_BOT_TOKEN } from '../support/warroom-harness.ts';

let harness: Harness;
let clicker: ReturnType<typeof cardClicker>;

beforeAll(async () => {
  harness = await startHarness();
  clicker = cardClicker(harness);
  const [alarm] = signedOrdersDbScenario();
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

const note = (value: string | null) => ({
  [BLOCK_IDS.noteInput]: { [ACTION_IDS.noteText]: textState(value) },
});
const summary = (value: string | null) => ({
  [BLOCK_IDS.summaryInput]: { [ACTION_IDS.summaryText]: textState(value) },
});
const ephemeralTexts = (userId: string) =>
  harness.slack
    .ephemerals(ALERT_CHANNEL)
    .filter((message) => message.user === userId)
    .map((message) => message.text);

describe('modals from the card, submitted through the real Bolt app', () => {
  it('Add note opens the note modal; an empty note keeps it open with the reason under the field', async () => {
    await clicker.click(clicker.card(1), 'U0CAROL', ACTION_IDS.addNote);
    await clicker.settled();
    const modal = clicker.openModal('U0CAROL');
    expect(modal['callback_id']).toBe(VIEW_IDS.noteModal);
    const submitted = await clicker.submit(modal, 'U0CAROL', note('   '));
    expect(submitted.status).toBe(200);
    expect(JSON.parse(submitted.body)).toEqual({
      response_action: 'errors',
      errors: { [BLOCK_IDS.noteInput]: 'Write the note before adding it.' },
    });
    await clicker.settled();
    expect((await harness.warroom.store.listTimeline(1)).filter((entry) => entry.kind === 'note')).toEqual(
      [],
    );
  });

  it('a note submitted twice at once (double submit) is added once, naming the user', async () => {
    const modal = clicker.openModal('U0CAROL');
    const [first, second] = await Promise.all([
      clicker.submit(modal, 'U0CAROL', note('Replica lag 40 s, watching')),
      clicker.submit(modal, 'U0CAROL', note('Replica lag 40 s, watching')),
    ]);
    // An empty 200 closes the modal.
    expect([first?.body, second?.body]).toEqual(['', '']);
    await clicker.settled();
    const notes = (await harness.warroom.store.listTimeline(1)).filter((entry) => entry.kind === 'note');
    expect(notes).toMatchObject([{ actor: 'U0CAROL', text: 'Replica lag 40 s, watching' }]);
    expect(ephemeralTexts('U0CAROL')).toEqual([
      expect.stringMatching(
        /^INC-1: your note is on the timeline and <https:\/\/[^|]+\|in the card's thread>\.$/,
      ),
    ]);
  });

  it('Resolve needs a summary; with one it resolves, shows the resolution on the card and reports back', async () => {
    await clicker.click(clicker.card(1), 'U0ALICE', ACTION_IDS.resolve);
    await clicker.settled();
    const modal = clicker.openModal('U0ALICE');
    expect(modal['callback_id']).toBe(VIEW_IDS.resolveModal);
    const empty = await clicker.submit(modal, 'U0ALICE', summary(null));
    expect(JSON.parse(empty.body)).toMatchObject({
      errors: { [BLOCK_IDS.summaryInput]: expect.any(String) },
    });
    await clicker.settled();
    expect((await harness.warroom.store.getIncident(1))?.status).toBe('acknowledged'); // by the note added before

    const done = await clicker.submit(modal, 'U0ALICE', summary('Killed the runaway report query'));
    expect(done.body).toBe('');
    await clicker.settled();
    expect(await harness.warroom.store.getIncident(1)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'U0ALICE',
      summary: 'Killed the runaway report query',
    });
    expect(JSON.stringify(clicker.card(1).blocks)).toContain('Killed the runaway report query');
    expect(ephemeralTexts('U0ALICE')).toEqual([
      'INC-1: you resolved the incident: Killed the runaway report query (acknowledged → resolved).\nAcknowledged in 0 s · resolved in 0 s · impact lasted 0 s.',
    ]);
  });

  it('the declare modal: a blank title keeps it open; a valid one opens an incident with its own card', async () => {
    // `/incident declare` opens this modal; here the local Slack opens it the same way (views.open).
    const client = new webApi.WebClient(TEST_BOT_TOKEN, { slackApiUrl: harness.slack.apiUrl });
    await client.views.open({
      trigger_id: harness.slack.issueTriggerId('U0BOB'),
      view: buildDeclareModal({ channelId: ALERT_CHANNEL }) as unknown as Parameters<
        typeof client.views.open
      >[0]['view'],
    });
    const modal = clicker.openModal('U0BOB');
    const values = (title: string) => ({
      [BLOCK_IDS.titleInput]: { [ACTION_IDS.titleText]: textState(title) },
      [BLOCK_IDS.impactInput]: { [ACTION_IDS.impactChoice]: selectState(2) },
    });
    const blank = await clicker.submit(modal, 'U0BOB', values(''));
    expect(JSON.parse(blank.body)).toMatchObject({ errors: { [BLOCK_IDS.titleInput]: expect.any(String) } });
    const declared = await clicker.submit(modal, 'U0BOB', values('Checkout latency over 2 s'));
    expect(declared.body).toBe('');
    await clicker.settled();
    expect(await harness.warroom.store.getIncident(2)).toMatchObject({
      title: 'Checkout latency over 2 s',
      impact: 2,
      declaredBy: 'U0BOB',
    });
    expect(clicker.card(2).text).toContain('Checkout latency over 2 s');
    expect(ephemeralTexts('U0BOB')).toEqual([
      'Declared INC-2: Checkout latency over 2 s (impact 2 · High). Its card is in <#C0ALERTS>.',
    ]);
  });
});
