/**
 * Interactivity payloads exactly as Slack POSTs them to an app (shapes of
 * test/fixtures/slack/slack-block-actions.json and slack-view-submission.json): pure builders,
 * so the sandbox UI and its tests send warroom what real Slack would, and nothing else.
 */

export type JsonObject = Record<string, unknown>;

/** Who clicked, in the team as Slack names them in payloads. */
export interface PayloadActor {
  teamId: string;
  teamDomain: string;
  appId: string;
  userId: string;
  userName: string;
}

/** The element clicked or changed, with its Slack state shape (stateValueFor's result, or {} for a button). */
export interface ClickedElement {
  blockId: string;
  /** The element's JSON as the block carries it (action_id, type, text, value, style…). */
  element: JsonObject;
  /** `{ type, selected_option }`, `{ type, value }`… as `view.state.values` holds it. */
  selection: JsonObject;
}

/** Where the click happened: a message (channel history or ephemeral) or a view (modal, App Home). */
export type ActionSource =
  | {
      kind: 'message';
      channel: { id: string; name: string };
      messageTs: string;
      threadTs?: string;
      /** The message as it is now (`toApiMessage`); absent for an ephemeral one, as Slack does. */
      message?: JsonObject;
      isEphemeral: boolean;
      responseUrl: string;
      /** Stateful elements of the message: `{ [block_id]: { [action_id]: selection } }`. */
      stateValues: JsonObject;
    }
  | { kind: 'view'; view: JsonObject; stateValues: JsonObject };

export function payloadUser(actor: PayloadActor): JsonObject {
  return { id: actor.userId, username: actor.userName, name: actor.userName, team_id: actor.teamId };
}

function payloadTeam(actor: PayloadActor): JsonObject {
  return { id: actor.teamId, domain: actor.teamDomain };
}

/** One entry of `actions[]`: the element's identity, its state, and for a button its text, value and style. */
export function buildAction(clicked: ClickedElement, actionTs: string): JsonObject {
  const { element } = clicked;
  const action: JsonObject = {
    ...clicked.selection,
    type: element['type'],
    action_id: element['action_id'],
    block_id: clicked.blockId,
  };
  if (element['type'] === 'button') {
    for (const key of ['text', 'value', 'style', 'url'] as const) {
      if (element[key] !== undefined) action[key] = element[key];
    }
  } else if (element['placeholder'] !== undefined) {
    action['placeholder'] = element['placeholder'];
  }
  action['action_ts'] = actionTs;
  return action;
}

/** A view as its payloads carry it: what was opened, with the person's current input in state.values. */
export function viewWithState(view: JsonObject, stateValues: JsonObject): JsonObject {
  return { ...view, state: { values: stateValues } };
}

/** block_actions: a button click or a select change in a message, a modal or App Home. */
export function buildBlockActionsPayload(input: {
  actor: PayloadActor;
  triggerId: string;
  clicked: ClickedElement;
  source: ActionSource;
  actionTs: string;
}): JsonObject {
  const { actor, source } = input;
  const common: JsonObject = {
    type: 'block_actions',
    user: payloadUser(actor),
    api_app_id: actor.appId,
    token: 'sandbox-verification-token',
    trigger_id: input.triggerId,
    team: payloadTeam(actor),
    enterprise: null,
    is_enterprise_install: false,
  };
  const actions = [buildAction(input.clicked, input.actionTs)];
  if (source.kind === 'view') {
    const view = viewWithState(source.view, source.stateValues);
    return {
      ...common,
      container: { type: 'view', view_id: view['id'] },
      view,
      state: { values: source.stateValues },
      actions,
    };
  }
  const container: JsonObject = {
    type: 'message',
    message_ts: source.messageTs,
    channel_id: source.channel.id,
    is_ephemeral: source.isEphemeral,
  };
  if (source.threadTs) container['thread_ts'] = source.threadTs;
  return {
    ...common,
    container,
    channel: source.channel,
    ...(source.message ? { message: source.message } : {}),
    state: { values: source.stateValues },
    response_url: source.responseUrl,
    actions,
  };
}

/** view_submission: the modal's Submit, with every input's value in view.state.values. */
export function buildViewSubmissionPayload(input: {
  actor: PayloadActor;
  triggerId: string;
  view: JsonObject;
  stateValues: JsonObject;
}): JsonObject {
  return {
    type: 'view_submission',
    team: payloadTeam(input.actor),
    user: payloadUser(input.actor),
    api_app_id: input.actor.appId,
    token: 'sandbox-verification-token',
    trigger_id: input.triggerId,
    view: viewWithState(input.view, input.stateValues),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** view_closed: sent only for a view opened with notify_on_close. */
export function buildViewClosedPayload(input: {
  actor: PayloadActor;
  view: JsonObject;
  stateValues: JsonObject;
  isCleared: boolean;
}): JsonObject {
  return {
    type: 'view_closed',
    team: payloadTeam(input.actor),
    user: payloadUser(input.actor),
    api_app_id: input.actor.appId,
    token: 'sandbox-verification-token',
    view: viewWithState(input.view, input.stateValues),
    is_cleared: input.isCleared,
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** message_action: a message shortcut chosen from a message's "More actions" menu. */
export function buildMessageShortcutPayload(input: {
  actor: PayloadActor;
  callbackId: string;
  triggerId: string;
  responseUrl: string;
  channel: { id: string; name: string };
  message: JsonObject;
  actionTs: string;
}): JsonObject {
  return {
    type: 'message_action',
    token: 'sandbox-verification-token',
    action_ts: input.actionTs,
    team: payloadTeam(input.actor),
    user: payloadUser(input.actor),
    channel: input.channel,
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: input.triggerId,
    response_url: input.responseUrl,
    message_ts: input.message['ts'],
    message: input.message,
  };
}

/** The form body Slack POSTs an interaction as: `payload=<JSON>`. */
export function interactionFormBody(payload: JsonObject): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
