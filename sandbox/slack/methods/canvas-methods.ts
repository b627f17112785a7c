import { invalidArguments, SlackApiError } from '../api-error.ts';
import { isJsonObject, optionalJson, optionalString } from '../arg-readers.ts';
import { type MethodContext, type MethodHandler, requireScope, resolveChannel } from '../method-context.ts';
import type { CanvasState } from '../types.ts';

/**
 * Canvases as Slack documents them (canvases.create, conversations.canvases.create, canvases.edit,
 * canvases.access.set): scope `canvases:write`, Markdown `document_content` up to 1 MiB, one
 * channel canvas per channel, and the workspace's plan: `disabled` refuses every call
 * (`canvas_disabled_user_team`); `free` refuses channel canvases
 * (`team_tier_cannot_create_channel_canvases`), standalone canvases not tabbed in a channel
 * (`free_teams_cannot_create_non_tabbed_canvases`) and editing standalone ones.
 */

const MAX_MARKDOWN = 1_048_576;
const OPERATIONS = new Set([
  'insert_after',
  'insert_before',
  'insert_at_start',
  'insert_at_end',
  'replace',
  'delete',
  'rename',
]);

function checkPlan(context: MethodContext): void {
  requireScope(context, 'canvases:write');
  if (context.workspace.canvases === 'disabled') throw new SlackApiError('canvas_disabled_user_team');
}

/** `{ type: 'markdown', markdown }`, else invalid_arguments naming what is wrong. */
function readContent(value: unknown, field: string): string {
  if (!isJsonObject(value) || value['type'] !== 'markdown' || typeof value['markdown'] !== 'string')
    throw invalidArguments([`${field} must be {"type":"markdown","markdown":"…"}`]);
  if (value['markdown'].length > MAX_MARKDOWN)
    throw invalidArguments([`${field}.markdown must be at most ${MAX_MARKDOWN} characters`]);
  return value['markdown'];
}

function documentContent(context: MethodContext): string {
  const value = optionalJson(context.args, 'document_content', 'invalid_arguments');
  return value === undefined ? '' : readContent(value, 'document_content');
}

function newCanvas(
  context: MethodContext,
  fields: Omit<CanvasState, 'id' | 'created' | 'access'>,
): CanvasState {
  const canvas: CanvasState = {
    ...fields,
    id: context.state.nextId('F'),
    created: Math.floor(context.clock.now().getTime() / 1000),
    access: new Map(),
  };
  context.state.canvases.set(canvas.id, canvas);
  return canvas;
}

const createCanvas: MethodHandler = (context) => {
  checkPlan(context);
  const channelId = optionalString(context.args, 'channel_id');
  if (!channelId && context.workspace.canvases === 'free')
    throw new SlackApiError('free_teams_cannot_create_non_tabbed_canvases');
  if (channelId) resolveChannel(context, channelId);
  const markdown = documentContent(context);
  const canvas = newCanvas(context, {
    title: optionalString(context.args, 'title') ?? '',
    markdown,
    channelId,
    isChannelCanvas: false,
  });
  return { canvas_id: canvas.id };
};

const createChannelCanvas: MethodHandler = (context) => {
  checkPlan(context);
  const channelId = optionalString(context.args, 'channel_id');
  if (!channelId) throw invalidArguments(['missing required field: channel_id']);
  const channel = resolveChannel(context, channelId);
  if (context.workspace.canvases === 'free')
    throw new SlackApiError('team_tier_cannot_create_channel_canvases');
  const markdown = documentContent(context);
  if (
    [...context.state.canvases.values()].some(
      (canvas) => canvas.isChannelCanvas && canvas.channelId === channel.id,
    )
  )
    throw new SlackApiError('channel_canvas_already_exists');
  const canvas = newCanvas(context, {
    title: optionalString(context.args, 'title') ?? '',
    markdown,
    channelId: channel.id,
    isChannelCanvas: true,
  });
  return { canvas_id: canvas.id };
};

function findCanvas(context: MethodContext): CanvasState {
  const id = optionalString(context.args, 'canvas_id');
  if (!id) throw invalidArguments(['missing required field: canvas_id']);
  const canvas = context.state.canvases.get(id);
  if (!canvas) throw new SlackApiError('canvas_not_found');
  return canvas;
}

/** One change applied; a section-targeted change needs a section, which this emulator does not keep. */
function applyChange(canvas: CanvasState, change: unknown, index: number): void {
  const field = `changes[${index}]`;
  if (
    !isJsonObject(change) ||
    typeof change['operation'] !== 'string' ||
    !OPERATIONS.has(change['operation'])
  )
    throw invalidArguments([`${field}.operation must be one of ${[...OPERATIONS].join(', ')}`]);
  const operation = change['operation'];
  if (operation === 'rename') {
    canvas.title = readContent(change['title_content'], `${field}.title_content`);
    return;
  }
  if (
    operation === 'delete' ||
    operation === 'insert_after' ||
    operation === 'insert_before' ||
    change['section_id'] !== undefined
  )
    throw new SlackApiError('canvas_editing_failed', { detail: `${field}: no such section` });
  const markdown = readContent(change['document_content'], `${field}.document_content`);
  if (operation === 'replace') canvas.markdown = markdown;
  else if (operation === 'insert_at_start') canvas.markdown = `${markdown}\n${canvas.markdown}`;
  else canvas.markdown = `${canvas.markdown}\n${markdown}`;
  if (canvas.markdown.length > MAX_MARKDOWN) throw new SlackApiError('canvas_editing_failed');
}

const editCanvas: MethodHandler = (context) => {
  checkPlan(context);
  const canvas = findCanvas(context);
  if (context.workspace.canvases === 'free' && !canvas.isChannelCanvas)
    throw new SlackApiError('free_teams_cannot_edit_standalone_canvases');
  const changes = optionalJson(context.args, 'changes', 'invalid_arguments');
  if (!Array.isArray(changes) || changes.length === 0)
    throw invalidArguments(['missing required field: changes']);
  // All or nothing: the changes apply to a copy, kept only when every one applied.
  const draft = { ...canvas };
  for (const [index, change] of changes.entries()) applyChange(draft, change, index);
  canvas.title = draft.title;
  canvas.markdown = draft.markdown;
  return {};
};

function idList(context: MethodContext, name: string): string[] | undefined {
  const value = optionalJson(context.args, name, 'invalid_arguments');
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.length > 20 ||
    value.some((id) => typeof id !== 'string')
  )
    throw invalidArguments([`${name} must be an array of 1 to 20 ids`]);
  return value as string[];
}

const setAccess: MethodHandler = (context) => {
  checkPlan(context);
  const canvas = findCanvas(context);
  const level = optionalString(context.args, 'access_level');
  if (level !== 'read' && level !== 'write' && level !== 'owner')
    throw invalidArguments(['access_level must be one of read, write, owner']);
  const channels = idList(context, 'channel_ids');
  const users = idList(context, 'user_ids');
  if ((channels === undefined) === (users === undefined))
    throw invalidArguments(['exactly one of channel_ids and user_ids is required']);
  for (const id of channels ?? []) canvas.access.set(resolveChannel(context, id).id, level);
  for (const id of users ?? []) {
    if (!context.state.findUser(id)) throw new SlackApiError('user_not_found');
    canvas.access.set(id, level);
  }
  return {};
};

export const canvasMethods: Record<string, MethodHandler> = {
  'canvases.create': createCanvas,
  'conversations.canvases.create': createChannelCanvas,
  'canvases.edit': editCanvas,
  'canvases.access.set': setAccess,
};
