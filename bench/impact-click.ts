import type { SlackEmulator } from '../sandbox/slack/slack-emulator.ts';
import type { StoredMessage } from '../sandbox/slack/types.ts';
import { ACTION_IDS } from '../src/slack/ids.ts';

export interface SelectOption {
  text: { type: 'plain_text'; text: string };
  value: string;
}

/** The card as the local Slack shows it now, and its impact select. */
export interface CardImpactSelect {
  message: StoredMessage;
  blockId: string;
  options: SelectOption[];
  initial?: SelectOption;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isOption(value: unknown): value is SelectOption {
  return isRecord(value) && typeof value.value === 'string' && isRecord(value.text);
}

/** Finds the newest message in `channel` whose blocks hold the impact select (the incident card). */
export function findCardImpactSelect(slack: SlackEmulator, channel: string): CardImpactSelect | undefined {
  for (const message of slack.messages(channel).reverse()) {
    for (const block of message.blocks ?? []) {
      if (block.type !== 'actions' || typeof block.block_id !== 'string') continue;
      const elements = Array.isArray(block.elements) ? block.elements : [];
      const select = elements.find(
        (element) => isRecord(element) && element.action_id === ACTION_IDS.impactSelect,
      );
      if (!isRecord(select) || !Array.isArray(select.options)) continue;
      return {
        message,
        blockId: block.block_id,
        options: select.options.filter(isOption),
        ...(isOption(select.initial_option) ? { initial: select.initial_option } : {}),
      };
    }
  }
  return undefined;
}

/** A block_actions payload: `userId` picks `option` in the card's impact select, as Slack sends it. */
export function buildImpactClick(
  card: CardImpactSelect,
  option: SelectOption,
  click: { userId: string; teamId: string; appId: string; responseUrl: string; triggerId: string },
): object {
  const { message } = card;
  const actionTs = (Date.now() / 1000).toFixed(6);
  return {
    type: 'block_actions',
    user: {
      id: click.userId,
      username: click.userId.toLowerCase(),
      name: click.userId.toLowerCase(),
      team_id: click.teamId,
    },
    api_app_id: click.appId,
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: click.triggerId,
    team: { id: click.teamId, domain: 'warroom' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channel, name: 'alerts' },
    message: { ...message, subtype: 'bot_message' },
    state: { values: {} },
    response_url: click.responseUrl,
    actions: [
      {
        type: 'static_select',
        action_id: ACTION_IDS.impactSelect,
        block_id: card.blockId,
        selected_option: option,
        ...(card.initial ? { initial_option: card.initial } : {}),
        placeholder: { type: 'plain_text', text: 'Set impact' },
        action_ts: actionTs,
      },
    ],
  };
}
