import { describe, expect, it } from 'vitest';
import { handleReopenButton } from '../../../handlers/actions/reopen-button.ts';
import { ACTION_IDS } from '../../../src/slack/ids.ts';
import { cardFixture, cardFor, clickArgs } from './card-fixture.ts';
import { cardClickPayload } from './slack-interactions.ts';

describe('handleReopenButton', () => {
  it('reopens a resolved incident to where it was before (acknowledged)', async () => {
    const { deps, store, incident } = await cardFixture();
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
      triggerId: 't',
    });
    const { args, replies } = clickArgs(body);
    await handleReopenButton(deps, args);
    expect(replies).toEqual([]);
    expect(await store.getIncident(incident.seq)).toMatchObject({ status: 'acknowledged' });
    const last = (await store.listTimeline(incident.seq)).at(-1);
    expect(last).toMatchObject({ actor: 'U0BOB', from: 'resolved', to: 'acknowledged' });
  });

  it('says the incident is not resolved when the card is out of date the other way', async () => {
    const { deps, incident } = await cardFixture();
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
    expect(replies[0]?.text).toBe('INC-1 is not resolved.');
  });
});
