import { invalidArguments, SlackApiError } from '../api-error.ts';
import { isJsonObject, optionalString } from '../arg-readers.ts';
import type { MethodContext, MethodHandler } from '../method-context.ts';
import type { TriggerState } from '../slack-state.ts';
import type { StoredView } from '../types.ts';
import { validateView } from '../view-rules.ts';

/**
 * views.open / views.push (need a fresh trigger_id: one use, 3 s), views.update and views.publish.
 * A bad view answers `invalid_arguments` with `[ERROR] … [json-pointer:/view/…]` messages.
 */

export const TRIGGER_TTL_MS = 3000;
export const MAX_MODAL_STACK = 3;

/** The trigger_id's state if it can still be exchanged (the caller marks it used on success). */
function checkTrigger(context: MethodContext): TriggerState {
  const id = optionalString(context.args, 'trigger_id');
  if (!id) throw invalidArguments(['missing required field: trigger_id']);
  const trigger = context.state.triggers.get(id);
  if (!trigger) throw new SlackApiError('invalid_trigger_id');
  if (trigger.used) throw new SlackApiError('exchanged_trigger_id');
  if (context.clock.now().getTime() - trigger.issuedMs > TRIGGER_TTL_MS) {
    throw new SlackApiError('expired_trigger_id');
  }
  return trigger;
}

function readView(context: MethodContext, type: 'modal' | 'home'): Record<string, unknown> {
  let view = context.args['view'];
  if (typeof view === 'string') {
    try {
      view = JSON.parse(view) as unknown;
    } catch {
      throw invalidArguments(['failed to parse view as JSON [json-pointer:/view]']);
    }
  }
  if (view === undefined) throw invalidArguments(['missing required field: view']);
  const reasons = validateView(view, type);
  if (reasons.length > 0 || !isJsonObject(view)) throw invalidArguments(reasons);
  return view;
}

function newHash(context: MethodContext): string {
  const seconds = Math.floor(context.clock.now().getTime() / 1000);
  return `${seconds}.${context.state.nextId('h').slice(2).toLowerCase()}`;
}

/** Stores `payload` as view `id` (new or replacing), keeping identity fields. */
function storeView(
  context: MethodContext,
  payload: Record<string, unknown>,
  identity: { id: string; root: string; previous: string | null; owner: string },
): StoredView {
  const { state, workspace } = context;
  // An update that names no external_id keeps the one the view had.
  const externalId =
    typeof payload['external_id'] === 'string'
      ? payload['external_id']
      : (state.views.get(identity.id)?.external_id ?? '');
  if (externalId) {
    for (const other of state.views.values()) {
      if (other.external_id === externalId && other.id !== identity.id) {
        throw new SlackApiError('duplicate_external_id');
      }
    }
  }
  const view: StoredView = {
    ...payload,
    id: identity.id,
    team_id: workspace.teamId,
    type: payload['type'] === 'home' ? 'home' : 'modal',
    private_metadata: payload['private_metadata'] ?? '',
    callback_id: payload['callback_id'] ?? '',
    external_id: externalId,
    state: { values: {} },
    hash: newHash(context),
    clear_on_close: payload['clear_on_close'] ?? false,
    notify_on_close: payload['notify_on_close'] ?? false,
    root_view_id: identity.root,
    previous_view_id: identity.previous,
    app_id: workspace.appId,
    bot_id: workspace.botId,
    app_installed_team_id: workspace.teamId,
  };
  state.views.set(view.id, view);
  state.viewOwners.set(view.id, identity.owner);
  return view;
}

const open: MethodHandler = (context) => {
  const trigger = checkTrigger(context);
  const payload = readView(context, 'modal');
  trigger.used = true;
  const user = trigger.userId;
  const id = context.state.nextId('V');
  const view = storeView(context, payload, { id, root: id, previous: null, owner: user });
  context.state.modalStacks.set(user, [id]);
  return { view };
};

const push: MethodHandler = (context) => {
  const trigger = checkTrigger(context);
  const payload = readView(context, 'modal');
  const user = trigger.userId;
  const stack = context.state.modalStacks.get(user) ?? [];
  const root = stack[0];
  if (root === undefined) throw invalidArguments(['no open modal to push onto [json-pointer:/trigger_id]']);
  if (stack.length >= MAX_MODAL_STACK) throw new SlackApiError('push_limit_reached');
  trigger.used = true;
  const id = context.state.nextId('V');
  const view = storeView(context, payload, {
    id,
    root,
    previous: stack[stack.length - 1] ?? null,
    owner: user,
  });
  stack.push(id);
  return { view };
};

const update: MethodHandler = (context) => {
  const { args, state } = context;
  const viewId = optionalString(args, 'view_id');
  const externalId = optionalString(args, 'external_id');
  if (!viewId && !externalId) throw invalidArguments(['must provide either view_id or external_id']);
  const current = viewId
    ? state.views.get(viewId)
    : [...state.views.values()].find((view) => view.external_id === externalId);
  if (!current) throw new SlackApiError('not_found');
  const hash = optionalString(args, 'hash');
  if (hash && hash !== current.hash) throw new SlackApiError('hash_conflict');
  const payload = readView(context, current.type);
  const owner = state.viewOwners.get(current.id) ?? '';
  const view = storeView(context, payload, {
    id: current.id,
    root: current.root_view_id,
    previous: current.previous_view_id,
    owner,
  });
  return { view };
};

const publish: MethodHandler = (context) => {
  const { args, state } = context;
  const userId = optionalString(args, 'user_id');
  if (!userId) throw invalidArguments(['missing required field: user_id']);
  if (!state.findUser(userId)) throw invalidArguments(['invalid `user_id`']);
  const existingId = state.homeViews.get(userId);
  const existing = existingId ? state.views.get(existingId) : undefined;
  const hash = optionalString(args, 'hash');
  if (hash && existing && hash !== existing.hash) throw new SlackApiError('hash_conflict');
  const payload = readView(context, 'home');
  const id = existing?.id ?? state.nextId('V');
  const view = storeView(context, payload, { id, root: id, previous: null, owner: userId });
  state.homeViews.set(userId, id);
  return { view };
};

export const viewMethods: Record<string, MethodHandler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
