import type { RespondArguments } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import type { SlackGateway } from '../../src/slack/slack-gateway.ts';

/**
 * The part of Bolt's listener arguments a card listener uses. Narrow on purpose: unit tests call
 * a listener directly with just these, and Bolt's own arguments fit it structurally.
 */
export interface CardClickArgs {
  ack: () => Promise<void>;
  body: unknown;
  /** Absent when the payload has no response_url (Bolt only builds it when there is one). */
  respond?: (message: RespondArguments) => Promise<unknown>;
  context: { retryNum?: number };
}

/** What card listeners need from the composition root (Slack narrowed so tests can fake it). */
export type CardActionDeps = Pick<
  SlackHandlerDeps,
  'triage' | 'store' | 'permissions' | 'clock' | 'logger'
> & {
  slack: Pick<SlackGateway, 'openView' | 'postEphemeral'>;
};

/** The incident a card showed, read from a button's value: `{"seq":7,"v":3}`. */
export interface CardRef {
  seq: number;
  /** The incident version the card was rendered from; older than the incident means a stale card. */
  v: number;
}

/** A click on a warroom card, validated. */
export interface CardClick {
  userId: string;
  triggerId: string;
  /** Where the card is; the fallback for replies when response_url fails. */
  channelId?: string;
  actionId: string;
  /** Slack's per-click timestamp: the same click delivered twice carries the same one. */
  actionTs?: string;
  ref: CardRef;
}

/** Who to answer when a payload could not be read; as much as could be salvaged. */
export interface ClickTarget {
  userId?: string;
  channelId?: string;
}

export type Parsed<T> = { ok: true; click: T } | { ok: false; reason: string; target: ClickTarget };
