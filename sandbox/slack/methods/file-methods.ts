import { invalidArguments, invalidBlocks, SlackApiError } from '../api-error.ts';
import {
  isJsonObject,
  optionalInteger,
  optionalJson,
  optionalString,
  requireString,
} from '../arg-readers.ts';
import { validateBlocks } from '../block-kit-rules.ts';
import { type MethodContext, type MethodHandler, requireScope } from '../method-context.ts';
import type { ChannelState } from '../slack-state.ts';
import type { JsonObject, SharedFile, StoredMessage } from '../types.ts';

/**
 * files.getUploadURLExternal + files.completeUploadExternal (the flow WebClient.filesUploadV2
 * uses). The upload URL is served by the emulator itself (see file-upload-route.ts); completing
 * an upload with channel_id shares it as a bot message carrying `files`.
 */

const getUploadUrl: MethodHandler = (context) => {
  const { args, state, baseUrl } = context;
  requireScope(context, 'files:write');
  const filename = requireString(args, 'filename');
  const length = optionalInteger(args, 'length');
  if (length === undefined) throw invalidArguments(['missing required field: length']);
  if (length <= 0) throw new SlackApiError('missing_argument');
  const id = state.nextId('F');
  state.files.set(id, { id, filename, length, title: filename, completed: false });
  return { upload_url: `${baseUrl}upload/v1/${id}`, file_id: id };
};

function shareChannel(context: MethodContext): ChannelState | undefined {
  const id = optionalString(context.args, 'channel_id');
  if (!id) return undefined;
  const channel = context.state.channels.get(id);
  const bot = context.workspace.botUserId;
  if (!channel || (channel.isPrivate && !channel.members.has(bot)))
    throw new SlackApiError('invalid_channel');
  if (!channel.members.has(bot)) throw new SlackApiError('not_in_channel');
  return channel;
}

const completeUpload: MethodHandler = (context) => {
  const { args, state, workspace } = context;
  requireScope(context, 'files:write');
  const entries = optionalJson(args, 'files', 'invalid_arguments');
  if (!Array.isArray(entries) || entries.length === 0)
    throw invalidArguments(['missing required field: files']);
  const channel = shareChannel(context);
  const blocks = optionalJson(args, 'blocks', 'invalid_blocks_format');
  if (blocks !== undefined) {
    const reasons = validateBlocks(blocks, 'message');
    if (reasons.length > 0) throw invalidBlocks(reasons);
  }
  const threadTs = optionalString(args, 'thread_ts');
  if (channel && threadTs && !state.findMessage(channel.id, threadTs))
    throw new SlackApiError('thread_not_found');
  const shared: SharedFile[] = entries.map((entry: unknown) => {
    const id = isJsonObject(entry) ? entry['id'] : undefined;
    const file = typeof id === 'string' ? state.files.get(id) : undefined;
    if (!file?.bytes || file.completed) throw new SlackApiError('file_not_found');
    const title = isJsonObject(entry) && typeof entry['title'] === 'string' ? entry['title'] : file.filename;
    return { id: file.id, name: file.filename, title, size: file.bytes.length };
  });
  for (const file of shared) {
    const stored = state.files.get(file.id);
    if (stored) Object.assign(stored, { completed: true, title: file.title });
  }
  if (channel) {
    const message: StoredMessage = {
      type: 'message',
      ts: state.nextTs(),
      channel: channel.id,
      text: optionalString(args, 'initial_comment') ?? '',
      user: workspace.botUserId,
      bot_id: workspace.botId,
      app_id: workspace.appId,
      files: shared,
    };
    if (Array.isArray(blocks)) message.blocks = blocks as JsonObject[];
    if (threadTs) message.thread_ts = threadTs;
    state.addMessage(message);
  }
  return { files: shared.map((file) => ({ ...file })) };
};

export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
