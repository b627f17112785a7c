import type { RecordedCall } from '../sandbox/slack/types.ts';
import {
  CARD_METADATA_EVENT_TYPE,
  PAGE_DM_METADATA_EVENT_TYPE,
  THREAD_METADATA_EVENT_TYPES,
} from '../src/slack/ids.ts';

/** One message warroom put on screen (posted, or redrawn by chat.update), as the call log saw it. */
export interface ShownMessage {
  method: 'chat.postMessage' | 'chat.update';
  channel: string;
  /** The message's own ts: the post's answer, or the updated message. */
  ts: string;
  threadTs?: string;
  /** When the local Slack API answered the call, in ms since the epoch. */
  at: number;
  /** Text and blocks as sent, JSON-encoded: what a person could read. */
  content: string;
  eventType?: string;
  payload: Record<string, unknown>;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Every successful chat.postMessage and chat.update in `calls`, oldest first (429s and errors left out). */
export function listShownMessages(calls: readonly RecordedCall[]): ShownMessage[] {
  const shown: ShownMessage[] = [];
  for (const call of calls) {
    if (!call.ok || (call.method !== 'chat.postMessage' && call.method !== 'chat.update')) continue;
    const ts = call.method === 'chat.postMessage' ? text(call.response['ts']) : text(call.args['ts']);
    const channel = text(call.response['channel']) ?? text(call.args['channel']);
    if (!ts || !channel) continue;
    const metadata = call.args['metadata'] as
      | { event_type?: unknown; event_payload?: Record<string, unknown> }
      | undefined;
    shown.push({
      method: call.method,
      channel,
      ts,
      threadTs: text(call.args['thread_ts']),
      at: call.at.getTime(),
      content: JSON.stringify([call.args['text'], call.args['blocks']]),
      eventType: text(metadata?.event_type),
      payload: metadata?.event_payload ?? {},
    });
  }
  return shown;
}

/** A top-level incident card: posted to `channel`, not in a thread, carrying the card's metadata. */
export function isCardPost(message: ShownMessage, channel: string): boolean {
  return (
    message.method === 'chat.postMessage' &&
    message.channel === channel &&
    message.threadTs === undefined &&
    message.eventType === CARD_METADATA_EVENT_TYPE
  );
}

/**
 * A page's mention in a card's thread: the message that @-mentions who is paged. The follow-up
 * saying which targets a page could not reach (`…:undelivered`) is not a page.
 */
export function isThreadPage(message: ShownMessage, channel: string): boolean {
  return (
    message.method === 'chat.postMessage' &&
    message.channel === channel &&
    message.threadTs !== undefined &&
    message.eventType === THREAD_METADATA_EVENT_TYPES.page &&
    !String(message.payload['id'] ?? '').endsWith(':undelivered')
  );
}

/** A page's direct message to one person (with Acknowledge / Take it). */
export function isPageDm(message: ShownMessage): boolean {
  return message.method === 'chat.postMessage' && message.eventType === PAGE_DM_METADATA_EVENT_TYPE;
}

/** Whether `content` names incident `seq` (INC-4 is not INC-42). */
export function namesIncident(content: string, seq: number): boolean {
  return new RegExp(`\\bINC-${seq}(?!\\d)`).test(content);
}
