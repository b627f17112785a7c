import { describe, expect, it, vi } from 'vitest';
import { handleAcknowledgeButton } from '../../../handlers/actions/acknowledge-button.ts';
import { BotError, isBotError } from '../../../src/errors.ts';
import { ACTION_IDS } from '../../../src/slack/ids.ts';
import { cardFixture, cardFor, clickArgs } from './card-fixture.ts';
import { cardClickPayload } from './slack-interactions.ts';

async function setUp(options: Parameters<typeof cardFixture>[0] = {}) {
  const fixture = await cardFixture(options);
  const click = (userId: string) =>
    cardClickPayload({
      card: cardFor(fixture.incident),
      userId,
      actionId: ACTION_IDS.acknowledge,
      responseUrl: 'https://hooks.slack.test/actions/1',
      triggerId: '1.2.trigger',
    });
  return { ...fixture, click };
}

describe('handleAcknowledgeButton', () => {
  it('acks before it touches the store, then acknowledges the incident and says nothing', async () => {
    const { deps, store, incident, click } = await setUp();
    const { args, events, replies } = clickArgs(click('U0ALICE'));
    const perform = deps.triage.perform.bind(deps.triage);
    vi.spyOn(deps.triage, 'perform').mockImplementation((...call) => {
      events.push('perform');
      return perform(...call);
    });
    await handleAcknowledgeButton(deps, args);
    expect(events).toEqual(['ack', 'perform']);
    expect(replies).toEqual([]);
    const after = await store.getIncident(incident.seq);
    expect(after).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'U0ALICE' });
    const entries = (await store.listTimeline(incident.seq)).filter((entry) => entry.kind === 'status');
    expect(entries).toMatchObject([{ actor: 'U0ALICE', from: 'open', to: 'acknowledged' }]);
  });

  it('tells a later clicker, ephemerally and without replacing the card, who acknowledged it and when', async () => {
    const { deps, click } = await setUp();
    await handleAcknowledgeButton(deps, clickArgs(click('U0ALICE')).args);
    const second = clickArgs(click('U0BOB'));
    await handleAcknowledgeButton(deps, second.args);
    expect(second.replies).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: 'INC-1 was already acknowledged by <@U0ALICE> at 2026-11-22 09:30 UTC.',
      },
    ]);
  });

  it('treats a redelivered click (same action_ts) as done: one change, no second reply', async () => {
    const { deps, store, incident, click } = await setUp();
    const body = click('U0ALICE');
    await handleAcknowledgeButton(deps, clickArgs(body).args);
    const retry = clickArgs(body, { retryNum: 1 });
    await handleAcknowledgeButton(deps, retry.args);
    expect(retry.events).toEqual(['ack']);
    expect((await store.listTimeline(incident.seq)).filter((entry) => entry.kind === 'status')).toHaveLength(
      1,
    );
  });

  it('refuses a user without the triage permission, naming it, and changes nothing', async () => {
    const { deps, store, incident, click } = await setUp({ permissions: { triage: ['U0BOB'] } });
    const { args, replies } = clickArgs(click('U0ALICE'));
    await handleAcknowledgeButton(deps, args);
    expect(replies[0]?.text).toContain('`triage` permission');
    expect(replies[0]?.text).toContain('permissions.triage');
    expect((await store.getIncident(incident.seq))?.status).toBe('open');
  });

  it('answers a click whose button value is not a warroom incident', async () => {
    const { deps, click } = await setUp();
    const body = click('U0ALICE');
    const { args, events, replies } = clickArgs({
      ...body,
      actions: [{ action_id: 'x', value: 'arn:aws:foo' }],
    });
    await handleAcknowledgeButton(deps, args);
    expect(events[0]).toBe('ack');
    expect(replies[0]?.text).toContain('could not read that click');
  });

  it('falls back to chat.postEphemeral in the card channel when response_url refuses', async () => {
    const { deps, slack, click } = await setUp();
    await handleAcknowledgeButton(deps, clickArgs(click('U0ALICE')).args);
    await handleAcknowledgeButton(deps, clickArgs(click('U0BOB'), { respondFails: true }).args);
    expect(slack.ephemerals).toMatchObject([
      { channel: 'C0ALERTS', user: 'U0BOB', text: expect.stringContaining('already acknowledged') },
    ]);
  });

  it('tells the clicker with a reference and rethrows it for app.error when the store fails', async () => {
    const { deps, store, click } = await setUp();
    store.close();
    const { args, replies } = clickArgs(click('U0ALICE'));
    const error = await handleAcknowledgeButton(deps, args).catch((thrown: unknown) => thrown);
    expect(isBotError(error)).toBe(true);
    const reference = /reference ([0-9a-f]{8})/.exec(replies[0]?.text ?? '')?.[1];
    expect(reference).toBeDefined();
    expect(String((error as Error).message)).toContain(`reference ${reference}`);
  });

  it('tells an expected failure in its own words, without a reference, and does not rethrow it', async () => {
    const { deps, click } = await setUp();
    vi.spyOn(deps.triage, 'perform').mockRejectedValue(
      new BotError('SLACK.CHANNEL_NOT_FOUND', 'Slack refused chat.update: channel_not_found.'),
    );
    const { args, replies } = clickArgs(click('U0ALICE'));
    await expect(handleAcknowledgeButton(deps, args)).resolves.toBeUndefined();
    expect(replies.map((reply) => reply.text)).toEqual([
      'That did not work: Slack refused chat.update: channel_not_found.',
    ]);
  });
});
