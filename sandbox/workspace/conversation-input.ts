import { tsFor } from './conversation-messages.ts';
import { findMessage, payloadChannel } from './message-lookup.ts';
import { postSignedToApp } from './signed-slack-post.ts';
import {
  appHomeOpenedEvent,
  buildSlashCommandForm,
  messageEvent,
  parseSlashCommand,
  reactionAddedEvent,
} from './slack-command-payloads.ts';
import { buildMessageShortcutPayload } from './slack-payloads.ts';
import type { UiActionResult } from './ui-contract.ts';
import {
  actorFor,
  resultOf,
  sendEvent,
  sendInteraction,
  type WorkspaceContext,
} from './workspace-context.ts';

/**
 * What the composer sends. `/incident …` goes to warroom as a slash command (its reply arrives on
 * the response_url); anything else is the person's message, and warroom hears of it only if the
 * manifest subscribes to message events.
 */
export async function sendComposerText(
  context: WorkspaceContext,
  input: { user: string; channel: string; text: string; threadTs?: string },
): Promise<UiActionResult> {
  const actor = actorFor(context, input.user);
  const { slack } = context;
  const command = parseSlashCommand(input.text);
  if (command) {
    if (!context.manifest.slashCommands.has(command.command))
      return { ok: false, message: `${command.command} is not a valid command.` };
    const responseUrl = slack.issueResponseUrl(input.user, input.channel);
    const form = buildSlashCommandForm({
      actor,
      channel: payloadChannel(slack, input.channel),
      command: command.command,
      text: command.text,
      responseUrl,
      triggerId: slack.issueTriggerId(input.user),
    });
    const result = await postSignedToApp({
      url: context.appUrl,
      secret: context.signingSecret,
      clock: context.clock,
      body: form.toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    context.changed();
    if (result.status !== 200)
      return { ok: false, message: `${command.command} failed with the error "http_service_error"` };
    return { ok: true };
  }
  if (input.text.trim() === '') return { ok: false, message: 'Type a message first.' };
  const posted = slack.postAsUser(input.channel, input.user, input.text, {
    ...(input.threadTs ? { threadTs: input.threadTs } : {}),
  });
  context.changed();
  const channel = slack.channel(input.channel);
  const channelType = input.channel.startsWith('D') ? 'im' : channel?.isPrivate ? 'group' : 'channel';
  const subscription = { channel: 'message.channels', group: 'message.groups', im: 'message.im' }[
    channelType
  ];
  const result = await sendEvent(
    context,
    subscription,
    messageEvent({
      userId: input.user,
      channel: input.channel,
      channelType,
      text: posted.text,
      ts: posted.ts,
      ...(posted.thread_ts ? { threadTs: posted.thread_ts } : {}),
      teamId: slack.workspace.teamId,
    }),
  );
  return result ? resultOf(result, 'message event') : { ok: true };
}

/** Opening the app's Home tab: Slack sends app_home_opened (with the published view, if any). */
export async function openAppHome(context: WorkspaceContext, userId: string): Promise<UiActionResult> {
  actorFor(context, userId);
  const home = context.slack.views(userId).find((view) => view.type === 'home');
  const result = await sendEvent(
    context,
    'app_home_opened',
    appHomeOpenedEvent({
      userId,
      channel: `D${userId.replace(/^[UW]/, '')}`,
      eventTs: tsFor(context.clock.now()),
      ...(home ? { view: home } : {}),
    }),
  );
  return result ? resultOf(result, 'app_home_opened event') : { ok: true };
}

/** A reaction on a message: shown at once; reaction_added goes to warroom (📌 adds to the timeline). */
export async function addReaction(
  context: WorkspaceContext,
  input: { user: string; channel: string; key: string; name: string },
): Promise<UiActionResult> {
  actorFor(context, input.user);
  const found = findMessage(context.slack, input.channel, input.key);
  if (!found.apiMessage) return { ok: false, message: 'Only messages in the channel take reactions.' };
  const added = context.reactions.add(found.channel, found.ts, input.name, input.user);
  context.changed();
  if (!added) return { ok: true };
  const result = await sendEvent(
    context,
    'reaction_added',
    reactionAddedEvent({
      userId: input.user,
      reaction: input.name,
      itemUser: found.user,
      channel: found.channel,
      messageTs: found.ts,
      eventTs: tsFor(context.clock.now()),
    }),
  );
  return result ? resultOf(result, 'reaction_added event') : { ok: true };
}

/** A message shortcut from a message's menu (message_action). */
export async function runMessageShortcut(
  context: WorkspaceContext,
  input: { user: string; channel: string; key: string; callbackId: string },
): Promise<UiActionResult> {
  const actor = actorFor(context, input.user);
  const { slack } = context;
  const found = findMessage(slack, input.channel, input.key);
  if (!found.apiMessage) return { ok: false, message: 'Shortcuts work on messages in the channel.' };
  const responseUrl = slack.issueResponseUrl(input.user, found.channel);
  context.origins.remember(responseUrl, { channel: found.channel, key: found.key });
  const payload = buildMessageShortcutPayload({
    actor,
    callbackId: input.callbackId,
    triggerId: slack.issueTriggerId(input.user),
    responseUrl,
    channel: payloadChannel(slack, found.channel),
    message: found.apiMessage,
    actionTs: tsFor(context.clock.now()),
  });
  const result = await sendInteraction(context, payload);
  context.changed();
  return resultOf(result, 'message shortcut');
}
