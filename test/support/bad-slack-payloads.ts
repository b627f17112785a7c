import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ACTION_IDS, VIEW_IDS } from '../../src/slack/ids.ts';

/**
 * Slack payloads as Slack sends them (test/fixtures/slack), and the broken shapes a fuzz run found
 * to crash warroom or answer 500: the same payloads with one field nulled or removed.
 */

function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../fixtures/slack/${name}`, import.meta.url);
  return z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(url, 'utf8')));
}

export interface PayloadPeople {
  userId: string;
  channelId: string;
  responseUrl: string;
  triggerId: string;
}

/** A card button click (Acknowledge on INC-`seq`, card version 1), from the block_actions fixture. */
export function blockActionsPayload(people: PayloadPeople, seq = 1): Record<string, unknown> {
  const base = fixture('slack-block-actions.json');
  return {
    ...base,
    user: { id: people.userId, username: 'someone', name: 'someone', team_id: 'T0WARROOM' },
    container: {
      type: 'message',
      message_ts: '1715679070.123459',
      channel_id: people.channelId,
      is_ephemeral: false,
    },
    channel: { id: people.channelId, name: 'alerts' },
    trigger_id: people.triggerId,
    response_url: people.responseUrl,
    actions: [
      {
        action_id: ACTION_IDS.acknowledge,
        block_id: 'warroom_card_actions',
        type: 'button',
        value: JSON.stringify({ seq, v: 1 }),
        action_ts: `${Math.floor(Date.now() / 1000)}.000001`,
      },
    ],
  };
}

/** A note modal submitted for INC-`seq`, from the view_submission fixture. */
export function viewSubmissionPayload(userId: string, seq = 1): Record<string, unknown> {
  const base = fixture('slack-view-submission.json');
  const view = base['view'] as Record<string, unknown>;
  return {
    ...base,
    user: { id: userId, username: 'someone', name: 'someone', team_id: 'T0WARROOM' },
    view: {
      ...view,
      callback_id: VIEW_IDS.noteModal,
      private_metadata: JSON.stringify({ seq }),
      state: {
        values: { warroom_note_input: { warroom_note_text: { type: 'plain_text_input', value: 'a note' } } },
      },
    },
  };
}

export function reactionAddedEvent(userId: string, channelId: string): Record<string, unknown> {
  return {
    type: 'reaction_added',
    user: userId,
    reaction: 'pushpin',
    item: { type: 'message', channel: channelId, ts: '1715679070.123459' },
    item_user: 'U0BOB',
    event_ts: '1715679200.000100',
  };
}

export function appHomeOpenedEvent(userId: string): Record<string, unknown> {
  return {
    type: 'app_home_opened',
    user: userId,
    channel: 'D0HOME',
    tab: 'home',
    event_ts: '1715679200.000200',
  };
}

export interface BrokenShape {
  name: string;
  /** Interactions go as `payload=` form fields, events inside an event_callback. */
  kind: 'interaction' | 'event';
  payload: unknown;
  /** The field the check names. */
  problem: string;
  /** Whether a person can be told (a user id, and a response_url or a channel). */
  tellable: boolean;
}

function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/** The shapes of the fuzz run that answered 500 (and a few neighbours), built around `people`. */
export function brokenShapes(people: PayloadPeople): BrokenShape[] {
  const click = blockActionsPayload(people);
  const form = viewSubmissionPayload(people.userId);
  const view = form['view'] as Record<string, unknown>;
  const reaction = reactionAddedEvent(people.userId, people.channelId);
  return [
    {
      name: 'block_actions with channel: null',
      kind: 'interaction',
      payload: { ...click, channel: null },
      problem: 'channel',
      tellable: true,
    },
    {
      name: 'block_actions without user',
      kind: 'interaction',
      payload: without(click, 'user'),
      problem: 'user',
      tellable: false,
    },
    {
      name: 'block_actions with actions: null',
      kind: 'interaction',
      payload: { ...click, actions: null },
      problem: 'actions',
      tellable: true,
    },
    {
      name: 'block_actions with actions: [null]',
      kind: 'interaction',
      payload: { ...click, actions: [null] },
      problem: 'actions.0',
      tellable: true,
    },
    {
      name: 'view_submission with user: null',
      kind: 'interaction',
      payload: { ...form, user: null },
      problem: 'user',
      tellable: false,
    },
    {
      name: 'view_submission with view: null',
      kind: 'interaction',
      payload: { ...form, view: null },
      problem: 'view',
      tellable: false,
    },
    {
      name: 'view_submission with state: {values: null}',
      kind: 'interaction',
      payload: { ...form, view: { ...view, state: { values: null } } },
      problem: 'view.state.values',
      tellable: false,
    },
    {
      name: 'reaction_added without item',
      kind: 'event',
      payload: without(reaction, 'item'),
      problem: 'event.item',
      tellable: false,
    },
    {
      name: 'reaction_added with item: null',
      kind: 'event',
      payload: { ...reaction, item: null },
      problem: 'event.item',
      tellable: false,
    },
    {
      name: 'app_home_opened with user: null',
      kind: 'event',
      payload: { ...appHomeOpenedEvent(people.userId), user: null },
      problem: 'event.user',
      tellable: false,
    },
    {
      name: 'an event_callback whose event is null',
      kind: 'event',
      payload: null,
      problem: 'event',
      tellable: false,
    },
  ];
}
