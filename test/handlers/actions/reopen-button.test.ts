import { describe, expect, it } from 'vitest';
import { handleReopenButton } from '../../../handlers/actions/reopen-button.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../../src/slack/ids.ts';
import { cardFixture, cardFor, clickArgs } from './card-fixture.ts';
import { cardClickPayload } from './slack-interactions.ts';

describe('handleReopenButton', () => {
  it('asks why before reopening: the reopen modal opens and nothing changes yet', async () => {
    const { deps, store, slack, incident } = await cardFixture();
    await deps.triage.perform(incident.seq, { kind: 'acknowledge' }, { userId: 'U0ALICE' });
    const resolved = await deps.triage.perform(
      incident.seq,
      { kind: 'resolve', summary: 'ok' },
      { userId: 'U0ALICE' },
    );
    if (resolved.kind !== 'changed') throw new Error('setup: resolve failed');
    const body = cardClickPayload({
      card: cardFor(resolved.incident),
      userId: 'U0BOB',
      actionId: ACTION_IDS.reopen,
      responseUrl: 'https://hooks.slack.test/actions/4',
      triggerId: 'trigger-reopen',
    });
    const { args, replies } = clickArgs(body);
    await handleReopenButton(deps, args);
    expect(replies).toEqual([]);
    expect(slack.opened[0]?.triggerId).toBe('trigger-reopen');
    const view = slack.opened[0]?.view as { callback_id: string; blocks: Array<{ block_id?: string }> };
    expect(view.callback_id).toBe(VIEW_IDS.reopenModal);
    expect(view.blocks.map((block) => block.block_id)).toContain(BLOCK_IDS.reasonInput);
    expect(await store.getIncident(incident.seq)).toMatchObject({ status: 'resolved' });
  });

  it('says the incident is not resolved when the card is out of date the other way', async () => {
    const { deps, slack, incident } = await cardFixture();
    const card = cardFor({ ...incident, status: 'resolved', resolvedBy: 'U0ALICE' });
    const body = cardClickPayload({
      card,
      userId: 'U0BOB',
      actionId: ACTION_IDS.reopen,
      responseUrl: 'https://hooks.slack.test/actions/5',
      triggerId: 't',
    });
    const { args, replies } = clickArgs(body);
    await handleReopenButton(deps, args);
    expect(replies[0]?.text).toBe('INC-1 is not resolved; there is nothing to reopen.');
    expect(slack.opened).toEqual([]);
  });
});
