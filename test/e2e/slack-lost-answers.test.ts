import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerFault } from '../../sandbox/slack/slack-emulator.ts';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS, CARD_METADATA_EVENT_TYPE } from '../../src/slack/ids.ts';
import { dmsTo, escalationYaml, tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

/**
 * Slack posts the message and its answer is lost (the local Slack carries chat.postMessage out,
 * then answers internal_error or HTTP 500, or drops the connection). Whatever Slack answers, each
 * thing warroom posts exists once.
 */
const clock = new ManualClock(new Date());
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml: escalationYaml() });
});

afterAll(async () => {
  await harness.stop();
});

const cardsOf = (seq: number) =>
  harness.slack
    .messages(ALERT_CHANNEL)
    .filter(
      (message) =>
        message.metadata?.event_type === CARD_METADATA_EVENT_TYPE &&
        message.metadata.event_payload['incident_seq'] === seq,
    );
const cardPostsOf = (seq: number) =>
  harness.slack
    .callsTo('chat.postMessage')
    .filter((call) => JSON.stringify(call.args['metadata'] ?? '').includes(`"incident_seq":${seq}`));

async function declare(title: string): Promise<number> {
  const declared = await harness.warroom.triage.declare({ title, impact: 2, actor: { userId: 'U0CAROL' } });
  if (declared.kind !== 'declared') throw new Error(`not declared: ${declared.kind}`);
  await harness.warroom.settled();
  return declared.incident.seq;
}

describe('exactly one card per incident, whatever Slack answers after posting it', () => {
  it.each<[AnswerFault, string]>([
    ['http-500', 'HTTP 500'],
    ['reset', 'a dropped connection'],
    ['internal_error', 'ok:false internal_error'],
  ])('Slack posts the card, then answers %s (%s): warroom finds it and posts nothing more', async (fault) => {
    harness.slack.loseAnswer('chat.postMessage', fault);
    const seq = await declare(`Checkout down (${fault})`);
    expect(cardsOf(seq)).toHaveLength(1);
    // One post: neither the Web API client nor warroom sent it again.
    expect(cardPostsOf(seq).map((call) => call.fault)).toEqual([fault]);
    expect((await harness.warroom.store.getCard(seq, ALERT_CHANNEL))?.ts).toBe(cardsOf(seq)[0]?.ts);
    // The card found is the card followed: a change updates it in place.
    await harness.warroom.triage.perform(seq, { kind: 'acknowledge' }, { userId: 'U0CAROL' });
    await harness.warroom.settled();
    expect(cardsOf(seq)).toHaveLength(1);
    expect(cardsOf(seq)[0]?.edited).toBeDefined();
    await harness.warroom.triage.perform(seq, { kind: 'resolve' }, { userId: 'U0CAROL' });
    await tickEscalation(harness);
  });
});

describe('a page whose mention and DM answers are lost pings once', () => {
  it('one mention in the card thread and one DM, recorded so it follows the incident', async () => {
    const dmsBefore = dmsTo(harness, 'U0ALICE').length;
    // Declaring posts the card and pages stage 0 at once: card, mention, DM, each answered 500.
    harness.slack.loseAnswer('chat.postMessage', 'http-500', 3);
    const seq = await declare('Payments latency');
    await tickEscalation(harness);
    expect(cardsOf(seq)).toHaveLength(1);
    const mentions = (await cardThread(harness, seq)).filter((message) =>
      message.text.includes('<@U0ALICE>'),
    );
    expect(mentions).toHaveLength(1);
    const dms = dmsTo(harness, 'U0ALICE').filter((message) => message.text.includes(`INC-${seq}`));
    expect(dms).toHaveLength(1);
    expect(dmsTo(harness, 'U0ALICE')).toHaveLength(dmsBefore + 1);
    // Three posts answered 500 (the card's test above lost one more), and none sent twice.
    const lost = harness.slack.callsTo('chat.postMessage').filter((call) => call.fault === 'http-500');
    expect(lost).toHaveLength(1 + 3);
    // Found, and recorded: acknowledging redraws that one DM.
    await harness.warroom.triage.perform(seq, { kind: 'acknowledge' }, { userId: 'U0CAROL' });
    await tickEscalation(harness);
    const dm = dmsTo(harness, 'U0ALICE').find((message) => message.text.includes(`INC-${seq}`));
    expect(JSON.stringify(dm?.blocks)).toContain('Acknowledged by <@U0CAROL>');
    expect(JSON.stringify(dm?.blocks)).not.toContain(ACTION_IDS.takeIncident);
  });
});
