import { describe, expect, it } from 'vitest';
import { handleAddNoteButton } from '../../../handlers/actions/add-note-button.ts';
import { handleResolveButton } from '../../../handlers/actions/resolve-button.ts';
import { BotError } from '../../../src/errors.ts';
import { ACTION_IDS, VIEW_IDS } from '../../../src/slack/ids.ts';
import { cardFixture, cardFor, clickArgs } from './card-fixture.ts';
import { cardClickPayload } from './slack-interactions.ts';

async function setUp(options: Parameters<typeof cardFixture>[0] = {}) {
  const fixture = await cardFixture(options);
  const click = (actionId: string, userId = 'U0ALICE') =>
    cardClickPayload({
      card: cardFor(fixture.incident),
      userId,
      actionId,
      responseUrl: 'https://hooks.slack.test/actions/3',
      triggerId: `trigger-${userId}`,
    });
  return { ...fixture, click };
}

describe('Add note and Resolve open their modal', () => {
  it('opens the note modal with the click’s trigger_id, remembering the incident and channel', async () => {
    const { deps, slack, click } = await setUp();
    const { args, events } = clickArgs(click(ACTION_IDS.addNote));
    await handleAddNoteButton(deps, args);
    expect(events).toEqual(['ack']);
    expect(slack.opened).toHaveLength(1);
    expect(slack.opened[0]?.triggerId).toBe('trigger-U0ALICE');
    expect(slack.opened[0]?.view).toMatchObject({ callback_id: VIEW_IDS.noteModal });
    expect(JSON.parse(String(slack.opened[0]?.view['private_metadata']))).toEqual({
      seq: 1,
      channelId: 'C0ALERTS',
    });
  });

  it('opens the resolve modal', async () => {
    const { deps, slack, click } = await setUp();
    await handleResolveButton(deps, clickArgs(click(ACTION_IDS.resolve)).args);
    expect(slack.opened[0]?.view).toMatchObject({ callback_id: VIEW_IDS.resolveModal });
  });

  it('refuses before the person types anything when they lack the permission', async () => {
    const { deps, slack, click } = await setUp({
      permissions: { resolve: ['S0SRE'] },
      groups: { S0SRE: ['U0ALICE'] },
    });
    const { args, replies } = clickArgs(click(ACTION_IDS.resolve, 'U0BOB'));
    await handleResolveButton(deps, args);
    expect(slack.opened).toEqual([]);
    expect(replies[0]?.text).toContain('`resolve` permission');
  });

  it('lets a member of a permitted user group through', async () => {
    const { deps, slack, click } = await setUp({
      permissions: { resolve: ['S0SRE'] },
      groups: { S0SRE: ['U0ALICE'] },
    });
    await handleResolveButton(deps, clickArgs(click(ACTION_IDS.resolve, 'U0ALICE')).args);
    expect(slack.opened).toHaveLength(1);
  });

  it('offers nothing but Reopen on a resolved incident, even from a stale card', async () => {
    const { deps, slack, incident, click } = await setUp();
    await deps.triage.perform(incident.seq, { kind: 'resolve', summary: 'fixed' }, { userId: 'U0CAROL' });
    for (const [actionId, handle] of [
      [ACTION_IDS.resolve, handleResolveButton],
      [ACTION_IDS.addNote, handleAddNoteButton],
    ] as const) {
      const { args, replies } = clickArgs(click(actionId));
      await handle(deps, args);
      expect(replies[0]?.text).toBe(
        'INC-1 was already resolved by <@U0CAROL> at 2026-11-22 09:30 UTC. Reopen it first.',
      );
    }
    expect(slack.opened).toEqual([]);
  });

  it('says what to do instead when Slack will not open the modal (an expired trigger)', async () => {
    const { deps, slack, click } = await setUp();
    slack.openViewError = new BotError(
      'SLACK.EXPIRED_TRIGGER_ID',
      'Slack refused views.open: expired_trigger_id.',
    );
    const { args, replies } = clickArgs(click(ACTION_IDS.addNote));
    await handleAddNoteButton(deps, args);
    expect(replies[0]?.text).toContain('expired_trigger_id');
    expect(replies[0]?.text).toContain('`/incident note INC-1 <text>`');
  });
});
