import { invalidBlocks, SlackApiError } from './api-error.ts';
import { isJsonObject, optionalJson, optionalString } from './arg-readers.ts';
import { blocksTooLong, MAX_MESSAGE_TEXT, validateBlocks } from './block-kit-rules.ts';
import type { CallArgs, JsonObject, MessageMetadata, StoredMessage } from './types.ts';

/** What chat.postMessage / chat.update / chat.postEphemeral carry: text, blocks, metadata. */
export interface MessageContent {
  text?: string;
  blocks?: JsonObject[];
  hasAttachments: boolean;
  metadata?: MessageMetadata;
}

/**
 * Reads and checks message content the way Slack does: blocks must be a JSON array
 * (`invalid_blocks_format`) of valid blocks (`invalid_blocks`) not too big in total
 * (`msg_blocks_too_long`); text at most 40,000 characters (`msg_too_long`); some content at all
 * (`no_text`); metadata an object with event_type and event_payload (`invalid_metadata_*`).
 */
export function readMessageContent(args: CallArgs): MessageContent {
  const rawBlocks = optionalJson(args, 'blocks', 'invalid_blocks_format');
  if (rawBlocks !== undefined && !Array.isArray(rawBlocks)) throw new SlackApiError('invalid_blocks_format');
  if (rawBlocks !== undefined) {
    const reasons = validateBlocks(rawBlocks, 'message');
    if (reasons.length > 0) throw invalidBlocks(reasons);
    if (blocksTooLong(rawBlocks)) throw new SlackApiError('msg_blocks_too_long');
  }
  const attachments = optionalJson(args, 'attachments', 'invalid_attachments');
  if (attachments !== undefined && !Array.isArray(attachments))
    throw new SlackApiError('invalid_attachments');
  const text = optionalString(args, 'text');
  if (text !== undefined && text.length > MAX_MESSAGE_TEXT) throw new SlackApiError('msg_too_long');
  const blocks = rawBlocks as JsonObject[] | undefined;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  const content: MessageContent = { hasAttachments };
  if (text !== undefined && text !== '') content.text = text;
  if (blocks !== undefined && blocks.length > 0) content.blocks = blocks;
  const metadata = readMetadata(args);
  if (metadata) content.metadata = metadata;
  return content;
}

export function requireSomeContent(content: MessageContent): void {
  if (content.text === undefined && content.blocks === undefined && !content.hasAttachments) {
    throw new SlackApiError('no_text');
  }
}

function readMetadata(args: CallArgs): MessageMetadata | undefined {
  const metadata = optionalJson(args, 'metadata', 'invalid_metadata_format');
  if (metadata === undefined) return undefined;
  if (!isJsonObject(metadata)) throw new SlackApiError('invalid_metadata_format');
  const eventType = metadata['event_type'];
  const payload = metadata['event_payload'];
  if (typeof eventType !== 'string' || eventType === '' || !isJsonObject(payload)) {
    throw new SlackApiError('invalid_metadata_schema');
  }
  return { event_type: eventType, event_payload: payload };
}

/** A stored message as the Web API shows it; metadata only when asked for (include_all_metadata). */
export function toApiMessage(
  message: StoredMessage,
  all: StoredMessage[],
  options: { includeMetadata: boolean; teamId: string },
): JsonObject {
  const { channel: _channel, metadata, ...fields } = message;
  const body: JsonObject = { ...fields, team: options.teamId };
  if (options.includeMetadata && metadata) body['metadata'] = metadata;
  const replies = all.filter((reply) => reply.thread_ts === message.ts && reply.ts !== message.ts);
  if (replies.length > 0) {
    body['thread_ts'] = message.ts;
    body['reply_count'] = replies.length;
    body['reply_users'] = [...new Set(replies.map((reply) => reply.user))];
    body['reply_users_count'] = new Set(replies.map((reply) => reply.user)).size;
    body['latest_reply'] = replies[replies.length - 1]?.ts;
  }
  return body;
}
