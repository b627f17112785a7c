import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardElement,
  startWorkspaceUiHarness,
  theCard,
  until,
  type WorkspaceUiHarness,
} from './workspace-ui-harness.ts';

/**
 * The conversation side of the workspace UI server against the real sandbox: thread replies,
 * 📌 reactions (reaction_added), the message shortcut (message_action) and closing a modal.
 */

let harness: WorkspaceUiHarness;

beforeAll(async () => {
  harness = await startWorkspaceUiHarness();
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

const timelineReply = (user: string) =>
  until(
    async () =>
      ((await harness.snapshot(user)).messages['C0ALERTS'] ?? []).filter(
        (message) => message.onlyVisibleToYou && message.text.includes('timeline'),
      ),
    (replies) => replies.length > 0,
    'warroom’s answer about the timeline',
  );

describe('conversations in the sandbox workspace UI', () => {
  it('posts a reply in the card’s thread as the person', async () => {
    const card = theCard(await harness.snapshot());
    const result = await harness.post('/api/compose', {
      user: 'U0BOB',
      channel: 'C0ALERTS',
      text: 'on it',
      threadTs: card.ts,
    });
    expect(result.json).toEqual({ ok: true });
    const after = await harness.snapshot('U0BOB');
    expect(after.messages['C0ALERTS']?.find((message) => message.text === 'on it')).toMatchObject({
      threadTs: card.ts,
      user: 'U0BOB',
    });
    expect(theCard(after).replyCount).toBe(card.replyCount + 1);
  });

  it('sends 📌 on a thread reply as reaction_added, shows it, and warroom puts the message on the timeline', async () => {
    const reply = (await harness.snapshot()).messages['C0ALERTS']?.find(
      (message) => message.text === 'on it',
    );
    const result = await harness.post('/api/reactions', {
      user: 'U0ALICE',
      channel: 'C0ALERTS',
      key: reply?.key,
      name: 'pushpin',
    });
    expect(result.json).toEqual({ ok: true });
    const shown = (await harness.snapshot()).messages['C0ALERTS']?.find(
      (message) => message.key === reply?.key,
    );
    expect(shown?.reactions).toEqual([{ name: 'pushpin', count: 1, users: ['U0ALICE'] }]);
    const [answer] = await timelineReply('U0ALICE');
    expect(answer?.text).toMatch(/INC-1 timeline/);
  });

  it('sends the message shortcut as message_action with the message, and shows warroom’s answer', async () => {
    const snap = await harness.snapshot('U0CAROL');
    expect(snap.messageShortcuts).toEqual([
      { name: 'Add to incident timeline', callbackId: 'warroom_add_to_timeline' },
      { name: 'Make follow-up', callbackId: 'warroom_make_follow_up' },
    ]);
    const card = theCard(snap);
    const result = await harness.post('/api/shortcuts', {
      user: 'U0CAROL',
      channel: 'C0ALERTS',
      key: card.key,
      callbackId: 'warroom_add_to_timeline',
    });
    expect(result.json).toEqual({ ok: true });
    const [answer] = await timelineReply('U0CAROL');
    expect(answer?.onlyVisibleToYou).toBe(true);
  });

  it('closes a modal without telling warroom when the view did not ask (notify_on_close false)', async () => {
    const card = theCard(await harness.snapshot());
    await harness.post('/api/block-action', {
      user: 'U0ALICE',
      source: { kind: 'message', channel: 'C0ALERTS', key: card.key },
      clicked: {
        blockId: 'warroom_card_actions',
        actionId: 'warroom_add_note',
        element: cardElement(card, 'warroom_add_note'),
        raw: null,
      },
      state: [],
    });
    const opened = await until(
      () => harness.snapshot(),
      (snap) => snap.modals.length === 1,
      'the note modal',
    );
    const view = opened.modals[0]?.view;
    expect(view?.['notify_on_close']).toBe(false);
    const result = await harness.post('/api/views/close', {
      user: 'U0ALICE',
      viewId: view?.['id'],
      values: [],
    });
    expect(result.json).toEqual({ ok: true });
    expect((await harness.snapshot()).modals).toEqual([]);
  });
});
