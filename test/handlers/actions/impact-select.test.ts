import { describe, expect, it } from 'vitest';
import { handleImpactSelect } from '../../../handlers/actions/impact-select.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import { cardFixture, cardFor, clickArgs } from './card-fixture.ts';
import { cardClickPayload } from './slack-interactions.ts';

async function setUp() {
  const fixture = await cardFixture();
  const choose = (impact: 1 | 2 | 3 | 4 | 5, userId = 'U0ALICE') =>
    cardClickPayload({
      card: cardFor(fixture.incident),
      userId,
      actionId: ACTION_IDS.impactSelect,
      responseUrl: 'https://hooks.slack.test/actions/2',
      triggerId: '1.2.trigger',
      impact,
    });
  return { ...fixture, choose };
}

describe('handleImpactSelect', () => {
  it('sets the chosen impact on the incident named by the card, as a person', async () => {
    const { deps, store, incident, choose } = await setUp();
    const { args, events, replies } = clickArgs(choose(2));
    await handleImpactSelect(deps, args);
    expect(events).toEqual(['ack']);
    expect(replies).toEqual([]);
    expect(await store.getIncident(incident.seq)).toMatchObject({ impact: 2, impactSetBy: 'person' });
    const entry = (await store.listTimeline(incident.seq)).find((candidate) => candidate.kind === 'impact');
    expect(entry).toMatchObject({ actor: 'U0ALICE', from: '3', to: '2' });
  });

  it('says so when the incident already has that impact', async () => {
    const { deps, choose } = await setUp();
    const { args, replies } = clickArgs(choose(3));
    await handleImpactSelect(deps, args);
    expect(replies[0]?.text).toBe('INC-1 already has impact 3 (Medium).');
  });

  it('does not guess the incident when the card carries no button naming it', async () => {
    const { deps, store, incident, choose } = await setUp();
    const body = choose(1);
    const message = { blocks: [{ type: 'actions', block_id: BLOCK_IDS.cardActions, elements: [] }] };
    const { args, replies } = clickArgs({ ...body, message });
    await handleImpactSelect(deps, args);
    expect(replies[0]?.text).toContain('could not read that click');
    expect((await store.getIncident(incident.seq))?.impact).toBe(3);
  });

  it('refuses an option value outside 1–5', async () => {
    const { deps, store, incident, choose } = await setUp();
    const body = choose(1);
    const actions = [
      { action_id: ACTION_IDS.impactSelect, selected_option: { value: '9' }, action_ts: '1.1' },
    ];
    const { args, replies } = clickArgs({ ...body, actions });
    await handleImpactSelect(deps, args);
    expect(replies[0]?.text).toContain('could not read that click');
    expect((await store.getIncident(incident.seq))?.impact).toBe(3);
  });
});
