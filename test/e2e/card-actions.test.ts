import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { type CardSnapshot, cardActionIds } from '../handlers/actions/slack-interactions.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

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

async function statusEntries() {
  return (await harness.warroom.store.listTimeline(1)).filter((entry) => entry.kind === 'status');
}

const updates = () => harness.slack.callsTo('chat.update').filter((call) => call.ok).length;

describe('card buttons through the real Bolt app, signed like Slack', () => {
  let openCard: CardSnapshot;
  let acknowledgedCard: CardSnapshot;

  it('Acknowledge: acknowledged once, the user on the timeline, the card updated without the button', async () => {
    openCard = clicker.card(1);
    expect(cardActionIds(openCard)).toContain(ACTION_IDS.acknowledge);
    const click = await clicker.click(openCard, 'U0ALICE', ACTION_IDS.acknowledge);
    expect(click.status).toBe(200);
    await clicker.settled();
    expect(await harness.warroom.store.getIncident(1)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'U0ALICE',
    });
    expect(await statusEntries()).toMatchObject([{ actor: 'U0ALICE', from: 'open', to: 'acknowledged' }]);
    acknowledgedCard = clicker.card(1);
    expect(cardActionIds(acknowledgedCard)).not.toContain(ACTION_IDS.acknowledge);
    expect(cardActionIds(acknowledgedCard)).toEqual(
      expect.arrayContaining([ACTION_IDS.impactSelect, ACTION_IDS.addNote, ACTION_IDS.resolve]),
    );
    expect(JSON.stringify(acknowledgedCard.blocks)).toContain('Acknowledged by <@U0ALICE>');
    expect(clicker.replies(click.responseUrl)).toEqual([]);
  });

  it('a later click on a stale copy of the card tells that person who acknowledged it and when', async () => {
    const updatesBefore = updates();
    const click = await clicker.click(openCard, 'U0BOB', ACTION_IDS.acknowledge);
    expect(click.status).toBe(200);
    await clicker.settled();
    expect(clicker.replies(click.responseUrl)).toEqual([
      expect.stringMatching(
        /^INC-1 was already acknowledged by <@U0ALICE> at \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/,
      ),
    ]);
    expect(await statusEntries()).toHaveLength(1);
    expect(updates()).toBe(updatesBefore);
  });

  it('a Slack retry (x-slack-retry-num) of a click is applied once, even after someone changed it since', async () => {
    const alice = await clicker.click(acknowledgedCard, 'U0ALICE', ACTION_IDS.impactSelect, { impact: 2 });
    await clicker.settled();
    await clicker.click(acknowledgedCard, 'U0CAROL', ACTION_IDS.impactSelect, { impact: 1 });
    await clicker.settled();
    const retry = await clicker.resend(alice.payload, {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await clicker.settled();
    expect((await harness.warroom.store.getIncident(1))?.impact).toBe(1);
    const impacts = (await harness.warroom.store.listTimeline(1)).filter((entry) => entry.kind === 'impact');
    expect(impacts.map((entry) => [entry.actor, entry.to])).toEqual([
      ['U0ALICE', '2'],
      ['U0CAROL', '1'],
    ]);
    expect(clicker.replies(alice.responseUrl)).toEqual([]);
  });

  it('on a resolved incident only Reopen and the review work: the card offers nothing else and stale buttons are refused', async () => {
    const resolveClick = await clicker.click(clicker.card(1), 'U0ALICE', ACTION_IDS.resolve);
    expect(resolveClick.status).toBe(200);
    await clicker.settled();
    const modal = clicker.openModal('U0ALICE');
    await clicker.submit(modal, 'U0ALICE', {
      warroom_summary_input: { warroom_summary_text: { type: 'plain_text_input', value: 'Failover done' } },
    });
    await clicker.settled();
    const resolvedCard = clicker.card(1);
    expect(cardActionIds(resolvedCard)).toEqual([ACTION_IDS.reopen, ACTION_IDS.review]);

    const before = await harness.warroom.store.getIncident(1);
    const refusals: string[] = [];
    for (const [card, actionId, impact] of [
      [openCard, ACTION_IDS.acknowledge, undefined],
      [acknowledgedCard, ACTION_IDS.impactSelect, 4],
      [acknowledgedCard, ACTION_IDS.addNote, undefined],
      [acknowledgedCard, ACTION_IDS.resolve, undefined],
    ] as const) {
      const click = await clicker.click(card, 'U0BOB', actionId, impact ? { impact } : {});
      await clicker.settled();
      refusals.push(...clicker.replies(click.responseUrl));
    }
    expect(refusals).toHaveLength(4);
    for (const text of refusals)
      expect(text).toMatch(/^INC-1 was (already )?resolved by <@U0ALICE> at .+[Rr]eopen it first\.$/);
    expect((await harness.warroom.store.getIncident(1))?.version).toBe(before?.version);
    expect(harness.slack.views('U0BOB')).toEqual([]);

    // Reopen asks why first: nothing changes until the reason is submitted.
    const reopen = await clicker.click(resolvedCard, 'U0BOB', ACTION_IDS.reopen);
    await clicker.settled();
    expect(clicker.replies(reopen.responseUrl)).toEqual([]);
    expect((await harness.warroom.store.getIncident(1))?.status).toBe('resolved');
    await clicker.submit(clicker.openModal('U0BOB'), 'U0BOB', {
      warroom_reason_input: { warroom_reason_text: { type: 'plain_text_input', value: 'errors are back' } },
    });
    await clicker.settled();
    expect((await harness.warroom.store.getIncident(1))?.status).toBe('acknowledged');
    expect(cardActionIds(clicker.card(1))).toContain(ACTION_IDS.resolve);
  });
});
