import { tsFor } from './conversation-messages.ts';
import { findMessage, payloadChannel } from './message-lookup.ts';
import { type ActionSource, buildBlockActionsPayload } from './slack-payloads.ts';
import { selectionOf, stateValuesOf } from './state-values.ts';
import type { UiActionResult, UiBlockActionRequest } from './ui-contract.ts';
import { actorFor, resultOf, sendInteraction, type WorkspaceContext } from './workspace-context.ts';

/**
 * A click or a select change, sent to warroom as Slack's block_actions: with a fresh trigger_id,
 * and for a message its response_url (remembered, so replace_original/delete_original act on it)
 * and the message as it is now; for a modal or App Home the view with everyone's input.
 */
export async function sendBlockAction(
  context: WorkspaceContext,
  request: UiBlockActionRequest,
): Promise<UiActionResult> {
  const { slack } = context;
  const actor = actorFor(context, request.user);
  const stateValues = stateValuesOf(request.state);
  let source: ActionSource;
  if (request.source.kind === 'view') {
    const { viewId } = request.source;
    const view =
      context.modals.find(request.user, viewId)?.view ??
      slack.views(request.user).find((candidate) => candidate.id === viewId);
    if (!view) return { ok: false, message: 'That view is closed now.' };
    source = { kind: 'view', view, stateValues };
  } else {
    const found = findMessage(slack, request.source.channel, request.source.key);
    const responseUrl = slack.issueResponseUrl(request.user, found.channel);
    context.origins.remember(responseUrl, { channel: found.channel, key: found.key });
    source = {
      kind: 'message',
      channel: payloadChannel(slack, found.channel),
      messageTs: found.ts,
      ...(found.threadTs ? { threadTs: found.threadTs } : {}),
      ...(found.apiMessage ? { message: found.apiMessage } : {}),
      isEphemeral: found.isEphemeral,
      responseUrl,
      stateValues,
    };
  }
  const payload = buildBlockActionsPayload({
    actor,
    triggerId: slack.issueTriggerId(request.user),
    clicked: {
      blockId: request.clicked.blockId,
      element: request.clicked.element,
      selection: selectionOf(request.clicked),
    },
    source,
    actionTs: tsFor(context.clock.now()),
  });
  const result = await sendInteraction(context, payload);
  context.changed();
  return resultOf(result, `${String(request.clicked.element['type'])} ${request.clicked.actionId}`);
}
