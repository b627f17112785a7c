import { SlackApiError } from '../api-error.ts';
import { optionalBoolean, optionalInteger, optionalString, requireString } from '../arg-readers.ts';
import { toApiMessage } from '../message-content.ts';
import {
  type MethodContext,
  type MethodHandler,
  requireBotMember,
  requireScope,
  resolveChannel,
  scopeFor,
} from '../method-context.ts';
import type { ChannelState } from '../slack-state.ts';
import type { JsonObject, StoredMessage } from '../types.ts';

/**
 * conversations.history (newest first) and conversations.replies (oldest first), with Slack's
 * oldest/latest/inclusive window and cursor pagination (`response_metadata.next_cursor`).
 */

export const MAX_HISTORY_LIMIT = 999;

/** "1700000000.000100" → microseconds, exact (no floating point). */
export function tsToMicros(ts: string): number {
  if (!/^\d+(\.\d*)?$/.test(ts)) throw new SlackApiError('invalid_ts_latest');
  const [seconds = '0', fraction = ''] = ts.split('.');
  return Number(seconds) * 1_000_000 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

function encodeCursor(ts: string): string {
  return Buffer.from(`next_ts:${ts}`).toString('base64');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const match = /^next_ts:(\d+\.\d+)$/.exec(decoded);
  if (!match?.[1]) throw new SlackApiError('invalid_cursor');
  return match[1];
}

function readableChannel(context: MethodContext): ChannelState {
  const channel = resolveChannel(context, optionalString(context.args, 'channel'));
  requireScope(context, scopeFor(channel, 'history'));
  requireBotMember(context, channel);
  return channel;
}

/** Applies oldest/latest/inclusive, the cursor and the limit to messages already in page order. */
function page(context: MethodContext, ordered: StoredMessage[], newestFirst: boolean, defaultLimit: number) {
  const { args } = context;
  const inclusive = optionalBoolean(args, 'inclusive') ?? false;
  const oldestArg = optionalString(args, 'oldest');
  const latestArg = optionalString(args, 'latest');
  const oldest = oldestArg ? tsToMicros(oldestArg) : Number.NEGATIVE_INFINITY;
  const latest = latestArg ? tsToMicros(latestArg) : Number.POSITIVE_INFINITY;
  const cursorArg = optionalString(args, 'cursor');
  const cursor = cursorArg ? tsToMicros(decodeCursor(cursorArg)) : undefined;
  const requested = optionalInteger(args, 'limit') ?? defaultLimit;
  const limit = Math.min(Math.max(requested < 1 ? defaultLimit : requested, 1), MAX_HISTORY_LIMIT);
  const inWindow = ordered.filter((message) => {
    const at = tsToMicros(message.ts);
    const afterOldest = inclusive ? at >= oldest : at > oldest;
    const beforeLatest = inclusive ? at <= latest : at < latest;
    const afterCursor = cursor === undefined || (newestFirst ? at <= cursor : at >= cursor);
    return afterOldest && beforeLatest && afterCursor;
  });
  const items = inWindow.slice(0, limit);
  const next = inWindow[limit];
  return { items, hasMore: next !== undefined, nextCursor: next ? encodeCursor(next.ts) : '' };
}

function render(context: MethodContext, channel: ChannelState, messages: StoredMessage[]): JsonObject[] {
  const all = context.state.channelMessages(channel.id);
  const includeMetadata = optionalBoolean(context.args, 'include_all_metadata') ?? false;
  return messages.map((message) =>
    toApiMessage(message, all, { includeMetadata, teamId: context.workspace.teamId }),
  );
}

const history: MethodHandler = (context) => {
  const channel = readableChannel(context);
  const topLevel = context.state
    .channelMessages(channel.id)
    .filter((message) => !message.thread_ts || message.thread_ts === message.ts || message.reply_broadcast)
    .reverse();
  const { items, hasMore, nextCursor } = page(context, topLevel, true, 100);
  return {
    messages: render(context, channel, items),
    has_more: hasMore,
    pin_count: 0,
    channel_actions_ts: null,
    channel_actions_count: 0,
    response_metadata: { next_cursor: nextCursor },
  };
};

const replies: MethodHandler = (context) => {
  const channel = readableChannel(context);
  const ts = requireString(context.args, 'ts');
  const parent = context.state.findMessage(channel.id, ts);
  if (!parent) throw new SlackApiError('thread_not_found');
  const rootTs = parent.thread_ts ?? parent.ts;
  const thread = context.state
    .channelMessages(channel.id)
    .filter((message) => message.ts === rootTs || message.thread_ts === rootTs);
  const { items, hasMore, nextCursor } = page(context, thread, false, 1000);
  return {
    messages: render(context, channel, items),
    has_more: hasMore,
    response_metadata: { next_cursor: nextCursor },
  };
};

export const historyMethods: Record<string, MethodHandler> = {
  'conversations.history': history,
  'conversations.replies': replies,
};
