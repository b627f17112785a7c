import { describe, expect, it } from 'vitest';
import { createDeclareSubmissionHandler } from '../../../handlers/views/declare-submission.ts';
import { buildDeclareModal } from '../../../src/incidents/incident-modals.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import { selectState, textState } from '../actions/slack-interactions.ts';
import { submission, viewArgs, viewFixture } from './view-fixture.ts';

async function setUp(options: Parameters<typeof viewFixture>[0] & { channelId?: string | null } = {}) {
  const { channelId = 'C0ALERTS', ...fixtureOptions } = options;
  const fixture = await viewFixture(fixtureOptions);
  const handle = createDeclareSubmissionHandler(fixture.viewDeps);
  const modal = buildDeclareModal(channelId ? { channelId } : {});
  const declare = (title: string | null, impact: Record<string, unknown>, viewId = 'V0DECL1') =>
    submission(
      modal,
      {
        [BLOCK_IDS.titleInput]: { [ACTION_IDS.titleText]: textState(title) },
        [BLOCK_IDS.impactInput]: { [ACTION_IDS.impactChoice]: impact },
      },
      { viewId },
    );
  return { ...fixture, handle, declare };
}

describe('declare modal submission', () => {
  it('keeps the modal open for a missing title or an impact outside 1–5', async () => {
    const { handle, declare, store } = await setUp();
    const noTitle = viewArgs(declare(' ', selectState(2)));
    await handle(noTitle.args);
    expect(noTitle.acks[0]).toMatchObject({ errors: { [BLOCK_IDS.titleInput]: expect.any(String) } });
    const badImpact = viewArgs(
      declare('Checkout down', { type: 'static_select', selected_option: { value: '0' } }),
    );
    await handle(badImpact.args);
    expect(badImpact.acks[0]).toMatchObject({ errors: { [BLOCK_IDS.impactInput]: expect.any(String) } });
    expect(await store.getIncident(2)).toBeUndefined();
  });

  it('declares once per modal, however often it is submitted, and says where the card is', async () => {
    const { handle, declare, store, slack } = await setUp();
    const body = declare('Checkout is down', selectState(2));
    const first = viewArgs(body);
    await handle(first.args);
    await handle(viewArgs(body).args);
    expect(first.acks).toEqual([undefined]);
    expect(await store.getIncident(2)).toMatchObject({
      title: 'Checkout is down',
      impact: 2,
      declaredBy: 'U0ALICE',
    });
    expect(await store.getIncident(3)).toBeUndefined();
    expect(slack.ephemerals.map((message) => message.text)).toEqual([
      'Declared INC-2: Checkout is down (impact 2 · High). Its card is in <#C0ALERTS>.',
    ]);
  });

  it('says the outcome by DM when the modal was opened outside a channel (App Home)', async () => {
    const { handle, declare, slack } = await setUp({ channelId: null });
    await handle(viewArgs(declare('Checkout is down', selectState(2))).args);
    expect(slack.ephemerals).toEqual([]);
    expect(slack.dms).toEqual([
      {
        channel: 'D0U0ALICE',
        user: 'U0ALICE',
        text: 'Declared INC-2: Checkout is down (impact 2 · High). Its card is in <#C0ALERTS>.',
      },
    ]);
  });

  it('reports a refusal naming the declare permission', async () => {
    const { handle, declare, store, slack } = await setUp({ permissions: { declare: ['U0BOB'] } });
    await handle(viewArgs(declare('Checkout is down', selectState(2))).args);
    expect(slack.ephemerals[0]?.text).toContain('`declare` permission');
    expect(await store.getIncident(2)).toBeUndefined();
  });
});
