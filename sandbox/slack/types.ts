/** Shapes shared by the local Slack Web API's modules (the emulator, its store and its methods). */

/** A JSON object as Slack sends and receives it. */
export type JsonObject = { [key: string]: unknown };

/** Arguments of one Web API call as they arrived: strings from a form, any JSON type from a JSON body. */
export type CallArgs = Record<string, unknown>;

/** One Web API call the emulator answered, in arrival order. */
export interface RecordedCall {
  method: string;
  /** Arguments without the token; `blocks`, `attachments`, `metadata`, `view` and `files` parsed from JSON. */
  args: CallArgs;
  ok: boolean;
  error?: string;
  /** HTTP status sent: 200, or 429 when rate limited. */
  status: number;
  /** The emulator's clock when the call was answered. */
  at: Date;
  /** The JSON body sent back. */
  response: JsonObject;
  /** A planned lost answer (`loseAnswer`): the call was carried out, this was sent instead. */
  fault?: 'internal_error' | 'http-500' | 'reset';
}

export interface MessageMetadata {
  event_type: string;
  event_payload: JsonObject;
}

export interface Reaction {
  name: string;
  users: string[];
  count: number;
}

export interface SharedFile {
  id: string;
  name: string;
  title: string;
  size: number;
}

/** A message as the channel holds it now (edits applied). */
export interface StoredMessage {
  type: 'message';
  ts: string;
  channel: string;
  text: string;
  blocks?: JsonObject[];
  thread_ts?: string;
  metadata?: MessageMetadata;
  /** Author: the bot user for the bot's own messages, else a human user id. */
  user: string;
  bot_id?: string;
  app_id?: string;
  edited?: { user: string; ts: string };
  reactions?: Reaction[];
  files?: SharedFile[];
  reply_broadcast?: boolean;
}

/** An ephemeral message: recorded here, never part of channel history. */
export interface EphemeralMessage {
  channel: string;
  user: string;
  message_ts: string;
  text: string;
  blocks?: JsonObject[];
  thread_ts?: string;
}

/** A modal or App Home view as the emulator stores it. */
export interface StoredView extends JsonObject {
  id: string;
  type: 'modal' | 'home';
  hash: string;
  external_id: string;
  root_view_id: string;
  previous_view_id: string | null;
}

export interface UploadedFile {
  id: string;
  filename: string;
  length: number;
  title: string;
  /** Bytes received at the upload URL; undefined until uploaded. */
  bytes?: Buffer;
  completed: boolean;
}

/** A canvas: standalone (maybe tabbed in a channel) or a channel's own canvas. */
export interface CanvasState {
  id: string;
  title: string;
  markdown: string;
  /** The channel it is tabbed in, or whose channel canvas it is. */
  channelId?: string;
  isChannelCanvas: boolean;
  created: number;
  /** Channels and users given access (canvases.access.set), with their level. */
  access: Map<string, 'read' | 'write' | 'owner'>;
}
