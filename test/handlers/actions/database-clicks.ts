import { z } from 'zod';
import type { ResponsePost } from '../../../sandbox/slack/response-urls.ts';
import type { DatabaseChoice } from '../../../src/rds/database-menu.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import type { Harness } from '../../support/warroom-harness.ts';
import type { cardClicker } from './card-clicks-over-http.ts';
import { type CardSnapshot, cardClickPayload } from './slack-interactions.ts';

const optionSchema = z.object({ text: z.object({ type: z.string(), text: z.string() }), value: z.string() });
const overflowSchema = z.looseObject({
  action_id: z.literal(ACTION_IDS.databaseMenu),
  options: z.array(optionSchema),
});
const buttonSchema = z.looseObject({ type: z.literal('button'), action_id: z.string(), value: z.string() });
const blockSchema = z.looseObject({
  block_id: z.string().optional(),
  elements: z.array(z.unknown()).optional(),
  accessory: z.unknown().optional(),
});

/** The Database overflow's options on a card (text and value), in order. */
export function databaseOptions(card: CardSnapshot): Array<z.infer<typeof optionSchema>> {
  for (const block of card.blocks ?? []) {
    const parsed = blockSchema.safeParse(block);
    if (parsed.data?.block_id !== BLOCK_IDS.cardActions) continue;
    for (const element of parsed.data.elements ?? []) {
      const overflow = overflowSchema.safeParse(element);
      if (overflow.success) return overflow.data.options;
    }
  }
  return [];
}

/** The buttons of an ephemeral reply, in actions blocks and as section accessories, with their block. */
export function replyButtons(reply: ResponsePost) {
  return (reply.blocks ?? []).flatMap((block) => {
    const parsed = blockSchema.safeParse(block);
    if (!parsed.success) return [];
    const candidates = [...(parsed.data.elements ?? []), parsed.data.accessory];
    return candidates.flatMap((candidate) => {
      const button = buttonSchema.safeParse(candidate);
      return button.success ? [{ button: button.data, blockId: parsed.data.block_id ?? 'generated' }] : [];
    });
  });
}

const choiceOf = (value: string) => z.object({ do: z.string() }).parse(JSON.parse(value)).do;

let clicks = 0;
const actionTs = () => `${Math.floor(Date.now() / 1000)}.${String(++clicks).padStart(6, '0')}`;

/**
 * Clicks on the card's Database menu and on buttons of the ephemeral replies it leads to, as
 * Slack sends them: signed block_actions over HTTP with a fresh response_url and trigger each.
 */
export function databaseClicker(harness: Harness, clicker: ReturnType<typeof cardClicker>) {
  return {
    /** Chooses `choice` in the card's Database overflow. */
    async choose(card: CardSnapshot, userId: string, choice: DatabaseChoice) {
      const option = databaseOptions(card).find((candidate) => choiceOf(candidate.value) === choice);
      if (!option) throw new Error(`the card's Database menu has no ${choice}`);
      const responseUrl = harness.slack.issueResponseUrl(userId, card.channel);
      const payload = cardClickPayload({
        card,
        userId,
        actionId: ACTION_IDS.databaseMenu,
        responseUrl,
        triggerId: harness.slack.issueTriggerId(userId),
      });
      payload['actions'] = [
        {
          type: 'overflow',
          action_id: ACTION_IDS.databaseMenu,
          block_id: BLOCK_IDS.cardActions,
          selected_option: option,
          action_ts: actionTs(),
        },
      ];
      return { ...(await clicker.resend(payload)), payload, responseUrl };
    },

    /** Clicks the first button of an ephemeral reply that `pick` accepts. */
    async clickReply(
      reply: ResponsePost,
      userId: string,
      pick: (button: z.infer<typeof buttonSchema>) => boolean,
    ) {
      const found = replyButtons(reply).find(({ button }) => pick(button));
      if (!found) throw new Error('the reply has no such button');
      const responseUrl = harness.slack.issueResponseUrl(userId, reply.channel);
      const payload = {
        type: 'block_actions',
        user: { id: userId, username: userId.toLowerCase(), name: userId, team_id: 'T0WARROOM' },
        api_app_id: 'A0WARROOM',
        team: { id: 'T0WARROOM', domain: 'warroom' },
        // An ephemeral message: Slack sends no `message`, only where it was.
        container: { type: 'message', message_ts: actionTs(), channel_id: reply.channel, is_ephemeral: true },
        trigger_id: harness.slack.issueTriggerId(userId),
        channel: { id: reply.channel, name: 'alerts' },
        state: { values: {} },
        response_url: responseUrl,
        actions: [{ ...found.button, block_id: found.blockId, action_ts: actionTs() }],
      };
      return { ...(await clicker.resend(payload)), payload, responseUrl };
    },
  };
}
