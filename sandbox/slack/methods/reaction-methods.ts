import { SlackApiError } from '../api-error.ts';
import { optionalString } from '../arg-readers.ts';
import { type MethodHandler, requireScope, resolveChannel } from '../method-context.ts';

/** reactions.add: one reaction per name per user on a message (`already_reacted` otherwise). */

const add: MethodHandler = (context) => {
  const { args, state, workspace } = context;
  requireScope(context, 'reactions:write');
  const channel = resolveChannel(context, optionalString(args, 'channel'));
  const timestamp = optionalString(args, 'timestamp');
  if (!timestamp) throw new SlackApiError('no_item_specified');
  const name = optionalString(args, 'name')?.replace(/^:|:$/g, '');
  if (!name || !/^[a-z0-9_+'-]+(::skin-tone-[2-6])?$/.test(name)) throw new SlackApiError('invalid_name');
  const message = state.findMessage(channel.id, timestamp);
  if (!message) throw new SlackApiError('message_not_found');
  const reactions = message.reactions ?? [];
  const reaction = reactions.find((candidate) => candidate.name === name);
  if (reaction?.users.includes(workspace.botUserId)) throw new SlackApiError('already_reacted');
  if (reaction) {
    reaction.users.push(workspace.botUserId);
    reaction.count += 1;
  } else {
    reactions.push({ name, users: [workspace.botUserId], count: 1 });
  }
  message.reactions = reactions;
  return {};
};

export const reactionMethods: Record<string, MethodHandler> = { 'reactions.add': add };
