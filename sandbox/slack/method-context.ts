import type { Clock } from '../../src/clock.ts';
import { SlackApiError } from './api-error.ts';
import type { ChannelState, SlackState } from './slack-state.ts';
import type { CallArgs, JsonObject } from './types.ts';
import type { Workspace } from './workspace.ts';

/** What a Web API method handler gets: its arguments and the emulator's state. */
export interface MethodContext {
  args: CallArgs;
  state: SlackState;
  workspace: Workspace;
  clock: Clock;
  /** Scopes granted to the token (a missing one answers `missing_scope`). */
  scopes: ReadonlySet<string>;
  /** Root of the emulator, e.g. http://127.0.0.1:4321/ (upload and Socket Mode URLs live under it). */
  baseUrl: string;
  /** Issues single-use Socket Mode tickets (apps.connections.open). */
  socketTickets: { issueTicket(): string };
}

/** Returns the success body without `ok` (the router adds it); throws SlackApiError to fail. */
export type MethodHandler = (context: MethodContext) => JsonObject;

/** Fails with `missing_scope` unless the token has one of `anyOf`. */
export function requireScope(context: MethodContext, ...anyOf: string[]): void {
  if (anyOf.some((scope) => context.scopes.has(scope))) return;
  throw new SlackApiError('missing_scope', {
    needed: anyOf.join(','),
    provided: [...context.scopes].join(','),
  });
}

/**
 * The channel named by an id (or, where `byName`, a name with or without "#"). A private channel
 * the bot is not in does not exist for the bot: `channel_not_found`, as Slack answers.
 */
export function resolveChannel(
  context: MethodContext,
  idOrName: string | undefined,
  byName = false,
): ChannelState {
  if (!idOrName) throw new SlackApiError('channel_not_found');
  let channel = context.state.channels.get(idOrName);
  if (!channel && byName) channel = context.state.findChannelByName(idOrName.replace(/^#/, ''));
  if (!channel) throw new SlackApiError('channel_not_found');
  if (channel.isPrivate && !channel.members.has(context.workspace.botUserId)) {
    throw new SlackApiError('channel_not_found');
  }
  return channel;
}

export function requireBotMember(context: MethodContext, channel: ChannelState): void {
  if (!channel.members.has(context.workspace.botUserId)) throw new SlackApiError('not_in_channel');
}

/** The scope a conversation method needs: `channels:*` for public, `groups:*` for private, `im:*` for a DM. */
export function scopeFor(channel: ChannelState, verb: 'read' | 'history' | 'manage'): string {
  if (channel.isIm) return verb === 'manage' ? 'im:write' : `im:${verb}`;
  if (verb === 'manage') return channel.isPrivate ? 'groups:write' : 'channels:manage';
  return channel.isPrivate ? `groups:${verb}` : `channels:${verb}`;
}

/** A conversation object as conversations.info / create / join answer it. */
export function toConversation(context: MethodContext, channel: ChannelState): JsonObject {
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: !channel.isPrivate,
    is_group: channel.isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: channel.isPrivate,
    is_archived: false,
    is_general: false,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    is_member: channel.members.has(context.workspace.botUserId),
    created: channel.created,
    creator: channel.creator,
    context_team_id: context.workspace.teamId,
    num_members: channel.members.size,
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
  };
}
