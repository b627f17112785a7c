import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Impact } from '../../../src/incidents/impact.ts';
import { impactOption } from '../../../src/incidents/incident-actions.ts';
import { BLOCK_IDS } from '../../../src/slack/ids.ts';

/**
 * Interaction payloads as Slack sends them, built from the shapes in test/fixtures/slack and the
 * real card (its blocks, ts and button values), for unit tests and for signed e2e requests alike.
 */

function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../../fixtures/slack/${name}`, import.meta.url);
  return z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(url, 'utf8')));
}

const BLOCK_ACTIONS = fixture('slack-block-actions.json');
const VIEW_SUBMISSION = fixture('slack-view-submission.json');

/** A card as a channel holds it (the emulator's StoredMessage has these fields). */
export interface CardSnapshot {
  ts: string;
  channel: string;
  text: string;
  blocks?: unknown[];
}

const elementSchema = z.looseObject({ type: z.string(), action_id: z.string() });
/** The card's actions, or the Acknowledge / Take it of a page's DM. */
const actionsBlockSchema = z.object({
  block_id: z.enum([BLOCK_IDS.cardActions, BLOCK_IDS.pageActions, BLOCK_IDS.reviewActions]),
  elements: z.array(elementSchema),
});

function cardElements(card: CardSnapshot): Array<z.infer<typeof elementSchema>> {
  for (const block of card.blocks ?? []) {
    const parsed = actionsBlockSchema.safeParse(block);
    if (parsed.success) return parsed.data.elements;
  }
  return [];
}

/** The action ids the card offers now, e.g. to prove Acknowledge is gone once acknowledged. */
export function cardActionIds(card: CardSnapshot): string[] {
  return cardElements(card).map((element) => element.action_id);
}

let clicks = 0;
/** Slack's action_ts: one per click, so each call is a new click (reuse a payload for a redelivery). */
function nextActionTs(): string {
  clicks += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(clicks).padStart(6, '0')}`;
}

export interface CardClickInput {
  card: CardSnapshot;
  userId: string;
  actionId: string;
  responseUrl: string;
  triggerId: string;
  /** For the impact menu: the option chosen. */
  impact?: Impact;
}

/** A block_actions payload for a click on `actionId` of the card; throws if the card lacks it. */
export function cardClickPayload(input: CardClickInput): Record<string, unknown> {
  const element = cardElements(input.card).find((candidate) => candidate.action_id === input.actionId);
  if (!element)
    throw new Error(`the card has no ${input.actionId} (it has ${cardActionIds(input.card).join(', ')})`);
  const action =
    input.impact === undefined
      ? { ...element, block_id: BLOCK_IDS.cardActions, action_ts: nextActionTs() }
      : {
          type: 'static_select',
          action_id: input.actionId,
          block_id: BLOCK_IDS.cardActions,
          selected_option: impactOption(input.impact),
          initial_option: element['initial_option'],
          placeholder: element['placeholder'],
          action_ts: nextActionTs(),
        };
  return {
    ...BLOCK_ACTIONS,
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      name: input.userId,
      team_id: 'T0WARROOM',
    },
    api_app_id: 'A0WARROOM',
    team: { id: 'T0WARROOM', domain: 'warroom' },
    container: {
      type: 'message',
      message_ts: input.card.ts,
      channel_id: input.card.channel,
      is_ephemeral: false,
    },
    trigger_id: input.triggerId,
    channel: { id: input.card.channel, name: 'alerts' },
    message: {
      type: 'message',
      subtype: 'bot_message',
      text: input.card.text,
      ts: input.card.ts,
      bot_id: 'B0WARBOT',
      blocks: input.card.blocks ?? [],
    },
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [action],
  };
}

export function textState(value: string | null) {
  return { type: 'plain_text_input', value };
}

export function selectState(impact: Impact) {
  return { type: 'static_select', selected_option: impactOption(impact) };
}

/** A view_submission for an opened view (as views.open answered it), with what the person entered. */
export function viewSubmissionPayload(input: {
  view: Record<string, unknown>;
  userId: string;
  values: Record<string, Record<string, unknown>>;
}): Record<string, unknown> {
  return {
    ...VIEW_SUBMISSION,
    team: { id: 'T0WARROOM', domain: 'warroom' },
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      name: input.userId,
      team_id: 'T0WARROOM',
    },
    api_app_id: 'A0WARROOM',
    view: { ...input.view, state: { values: input.values } },
    response_urls: [],
  };
}
