import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORTCUT_IDS } from '../../src/slack/ids.ts';
import { sendEvent, sendInteraction } from '../support/slack-requests.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

let harness: Harness;
let cardTs: string;

/** U0BOB may write in the channel but is not in permissions.triage. */
const YAML = `${defaultYaml()}permissions:\n  triage: [U0ALICE, U0CAROL]\n`;

beforeAll(async () => {
  harness = await startHarness({ yaml: YAML });
  await harness.warroom.settled();
  const [alarm] = signedOrdersDbScenario(new Date('2026-11-22T09:25:00Z'));
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
  cardTs = harness.slack.messages(ALERT_CHANNEL)[0]!.ts;
});

afterAll(async () => {
  await harness.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  for (let waited = 0; waited < 5000; waited += 20) {
    const value = await probe();
    if (value) return value;
    await sleep(20);
  }
  throw new Error('timed out waiting');
}

/** Waits until `method` was called `count` more times and then no Slack call came for a while. */
async function settleAfter(method: string, before: number, count = 1): Promise<void> {
  await until(() => harness.slack.callsTo(method).length >= before + count);
  let seen = -1;
  while (seen !== harness.slack.calls.length) {
    seen = harness.slack.calls.length;
    await sleep(150);
  }
}

function pin(
  ts: string,
  user = 'U0ALICE',
  options: { retryNum?: number; eventId?: string; reaction?: string } = {},
) {
  const event = {
    type: 'reaction_added',
    user,
    reaction: options.reaction ?? 'pushpin',
    item_user: 'U0BOB',
    item: { type: 'message', channel: ALERT_CHANNEL, ts },
    event_ts: `${Date.now() / 1000}`,
  };
  return sendEvent(harness.warroom.url, event, { retryNum: options.retryNum, eventId: options.eventId });
}

function shortcut(message: { ts: string; text: string; user: string; thread_ts?: string }, user = 'U0CAROL') {
  const responseUrl = harness.slack.issueResponseUrl(user, ALERT_CHANNEL);
  const payload = {
    type: 'message_action',
    callback_id: SHORTCUT_IDS.addToTimeline,
    trigger_id: harness.slack.issueTriggerId(user),
    response_url: responseUrl,
    action_ts: `${Date.now() / 1000}`,
    message_ts: message.ts,
    token: 'deprecated-verification-token',
    team: { id: 'T0WARROOM', domain: 'warroom' },
    user: { id: user, name: user.toLowerCase(), team_id: 'T0WARROOM' },
    channel: { id: ALERT_CHANNEL, name: 'alerts' },
    message: { type: 'message', ...message },
  };
  return { responseUrl, response: sendInteraction(harness.warroom.url, payload) };
}

async function messageEntries() {
  return (await harness.warroom.store.listTimeline(1)).filter((entry) => entry.kind === 'message');
}

describe('📌 on a reply in an incident card thread', () => {
  let reply: { ts: string };
  const eventId = `Ev${randomUUID().slice(0, 8).toUpperCase()}`;

  it('adds the message once: author, permalink, original time, who pinned it', async () => {
    reply = harness.slack.postAsUser(ALERT_CHANNEL, 'U0BOB', 'replica lag is 30 s', { threadTs: cardTs });
    expect((await pin(reply.ts, 'U0ALICE', { eventId })).status).toBe(200);
    const [entry] = await until(async () =>
      (await messageEntries()).length > 0 ? messageEntries() : undefined,
    );
    const permalink = harness.slack.callsTo('chat.getPermalink')[0]?.response['permalink'];
    expect(permalink).toBe(
      `https://warroom.slack.com/archives/${ALERT_CHANNEL}/p${reply.ts.replace('.', '')}?thread_ts=${cardTs}&cid=${ALERT_CHANNEL}`,
    );
    expect(entry).toMatchObject({
      kind: 'message',
      actor: 'U0ALICE',
      dedupeKey: `message:${ALERT_CHANNEL}:${reply.ts}`,
    });
    expect(entry?.text).toContain('by <@U0BOB>');
    expect(entry?.text).toContain('“replica lag is 30 s”');
    expect(entry?.text).toContain(String(permalink));
    expect(Math.abs((entry?.at.getTime() ?? 0) - Number(reply.ts) * 1000)).toBeLessThan(1);
    const confirmation = await until(() => harness.slack.ephemerals(ALERT_CHANNEL).at(-1));
    expect(confirmation).toMatchObject({ user: 'U0ALICE', thread_ts: cardTs });
    expect(confirmation.text).toContain('INC-1');
  });

  it('adds nothing for a second 📌 on the same message, by someone else', async () => {
    const reads = harness.slack.callsTo('conversations.replies').length;
    const ephemerals = harness.slack.ephemerals().length;
    expect((await pin(reply.ts, 'U0CAROL')).status).toBe(200);
    await settleAfter('conversations.replies', reads);
    expect(await messageEntries()).toHaveLength(1);
    expect(harness.slack.ephemerals()).toHaveLength(ephemerals);
  });

  it("adds nothing for Slack's retry of the same event", async () => {
    const reads = harness.slack.callsTo('conversations.replies').length;
    expect((await pin(reply.ts, 'U0ALICE', { eventId, retryNum: 1 })).status).toBe(200);
    await settleAfter('conversations.replies', reads);
    expect(await messageEntries()).toHaveLength(1);
  });

  it('refuses, ephemerally and naming the permission, someone without triage', async () => {
    const other = harness.slack.postAsUser(ALERT_CHANNEL, 'U0BOB', 'restarting the replica', {
      threadTs: cardTs,
    });
    const before = harness.slack.ephemerals().length;
    await pin(other.ts, 'U0BOB');
    const refusal = await until(() => harness.slack.ephemerals()[before]);
    expect(refusal).toMatchObject({ user: 'U0BOB', thread_ts: cardTs });
    expect(refusal.text).toContain('`triage`');
    expect(await messageEntries()).toHaveLength(1);
  });
});

describe('📌 anywhere else', () => {
  it('ignores a pin on a message outside any card thread, silently', async () => {
    const chatter = harness.slack.postAsUser(ALERT_CHANNEL, 'U0CAROL', 'lunch at noon?');
    const reads = harness.slack.callsTo('conversations.history').length;
    const ephemerals = harness.slack.ephemerals().length;
    await pin(chatter.ts);
    await settleAfter('conversations.history', reads);
    expect(await messageEntries()).toHaveLength(1);
    expect(harness.slack.ephemerals()).toHaveLength(ephemerals);
    expect(harness.slack.callsTo('chat.getPermalink')).toHaveLength(1);
  });

  it('ignores other reactions without reading anything', async () => {
    const reply = harness.slack.postAsUser(ALERT_CHANNEL, 'U0BOB', 'looks better now', { threadTs: cardTs });
    const calls = harness.slack.calls.length;
    await pin(reply.ts, 'U0ALICE', { reaction: 'eyes' });
    await sleep(300);
    expect(harness.slack.calls.length).toBe(calls);
    expect(await messageEntries()).toHaveLength(1);
  });
});

describe('the "Add to incident timeline" shortcut', () => {
  it('adds a reply in a card thread and answers ephemerally', async () => {
    const reply = harness.slack.postAsUser(ALERT_CHANNEL, 'U0BOB', 'failover done at 09:31', {
      threadTs: cardTs,
    });
    const { responseUrl, response } = shortcut({
      ts: reply.ts,
      text: reply.text,
      user: 'U0BOB',
      thread_ts: cardTs,
    });
    expect((await response).status).toBe(200);
    const [answer] = await until(() =>
      harness.slack.responses(responseUrl).length > 0 ? harness.slack.responses(responseUrl) : undefined,
    );
    expect(answer).toMatchObject({ responseType: 'ephemeral', userId: 'U0CAROL' });
    expect(answer?.text).toContain('INC-1');
    const entries = await messageEntries();
    expect(entries).toHaveLength(2);
    expect(entries.find((entry) => entry.dedupeKey === `message:${ALERT_CHANNEL}:${reply.ts}`)).toMatchObject(
      {
        actor: 'U0CAROL',
      },
    );
  });

  it('adds nothing for a message already pinned, and says so', async () => {
    const pinned = (await messageEntries())[0]!.dedupeKey!.split(':')[2]!;
    const { responseUrl } = shortcut({
      ts: pinned,
      text: 'replica lag is 30 s',
      user: 'U0BOB',
      thread_ts: cardTs,
    });
    const [answer] = await until(() =>
      harness.slack.responses(responseUrl).length > 0 ? harness.slack.responses(responseUrl) : undefined,
    );
    expect(answer?.text).toContain('already on the INC-1 timeline');
    expect(await messageEntries()).toHaveLength(2);
  });

  it('explains where it works when used on a message outside incidents', async () => {
    const chatter = harness.slack.postAsUser(ALERT_CHANNEL, 'U0BOB', 'coffee machine is broken');
    const { responseUrl } = shortcut({ ts: chatter.ts, text: chatter.text, user: 'U0BOB' });
    const [answer] = await until(() =>
      harness.slack.responses(responseUrl).length > 0 ? harness.slack.responses(responseUrl) : undefined,
    );
    expect(answer).toMatchObject({ responseType: 'ephemeral' });
    expect(answer?.text).toContain('in an incident’s own channel or in the thread of its card');
    expect(await messageEntries()).toHaveLength(2);
  });
});
