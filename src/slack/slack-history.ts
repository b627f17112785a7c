import { isBotError } from '../errors.ts';
import { SlackApiCaller } from './slack-api-caller.ts';

/** A message as warroom reads it back from Slack. */
export interface SlackMessage {
  ts: string;
  text: string;
  /** The person who wrote it; absent for apps and integrations (they have a bot id instead). */
  user?: string;
  botId?: string;
  /** Set on thread replies (and on a thread's parent, equal to its own ts). */
  threadTs?: string;
}

function toSlackMessage(
  message: { text?: string; user?: string; bot_id?: string; thread_ts?: string },
  ts: string,
): SlackMessage {
  return {
    ts,
    text: message.text ?? '',
    user: message.user,
    botId: message.bot_id,
    threadTs: message.thread_ts,
  };
}

/** Reading messages back from Slack: one by its ts, or the one warroom posted with given metadata. */
export class SlackHistory extends SlackApiCaller {
  /**
   * Reads one message by its ts: conversations.history for a top-level message (Slack's way to
   * fetch one: latest = oldest = ts, inclusive, limit 1), else conversations.replies, which is
   * where thread replies live. Undefined when the message is gone. Needs the bot in the channel.
   */
  async readMessage(channel: string, ts: string): Promise<SlackMessage | undefined> {
    const window = { channel, latest: ts, oldest: ts, inclusive: true };
    // A channel that is gone (deleted, or never was) holds no message either.
    const history = await this.call('conversations.history', undefined, (client) =>
      client.conversations.history({ ...window, limit: 1 }),
    ).catch((error: unknown) => {
      if (isBotError(error) && error.code === 'SLACK.CHANNEL_NOT_FOUND') return undefined;
      throw error;
    });
    if (!history) return undefined;
    const top = history.messages?.find((message) => message.ts === ts);
    if (top) return toSlackMessage(top, ts);
    // A thread reply: replies answers the thread's parent too (first), whatever the window says.
    // Slack answers thread_not_found for a ts that is no message at all (deleted, or never was).
    const replies = await this.call('conversations.replies', undefined, (client) =>
      client.conversations.replies({ ...window, ts, limit: 2 }),
    ).catch((error: unknown) => {
      if (isBotError(error) && error.code === 'SLACK.THREAD_NOT_FOUND') return { messages: [] };
      throw error;
    });
    const reply = replies.messages?.find((message) => message.ts === ts);
    return reply ? toSlackMessage(reply, ts) : undefined;
  }

  /**
   * Finds a message the bot posted since `oldest` whose metadata matches. Used after a crash
   * between "posted" and "recorded the ts", so the card is found instead of posted twice.
   */
  findMessageByMetadata(
    channel: string,
    oldest: Date,
    eventType: string,
    matches: (payload: Record<string, unknown>) => boolean,
  ): Promise<string | undefined> {
    const since = (Math.floor(oldest.getTime() / 1000) - 5).toString();
    return this.findTagged(
      (cursor) =>
        this.call('conversations.history', channel, (client) =>
          client.conversations.history({
            channel,
            oldest: since,
            include_all_metadata: true,
            limit: 200,
            cursor,
          }),
        ),
      eventType,
      matches,
    );
  }

  /**
   * Finds a reply the bot posted in the thread of `threadTs` whose metadata matches: after a
   * crash between posting a thread message and recording its ts, it is found, not posted twice.
   */
  findReplyByMetadata(
    channel: string,
    threadTs: string,
    eventType: string,
    matches: (payload: Record<string, unknown>) => boolean,
  ): Promise<string | undefined> {
    return this.findTagged(
      (cursor) =>
        this.call('conversations.replies', channel, (client) =>
          client.conversations.replies({
            channel,
            ts: threadTs,
            include_all_metadata: true,
            limit: 200,
            cursor,
          }),
        ),
      eventType,
      matches,
      threadTs,
    );
  }

  /** Pages through a listing for the first message tagged `eventType` whose payload matches. */
  private async findTagged(
    fetchPage: (cursor: string | undefined) => Promise<{
      messages?: Array<{ ts?: string; metadata?: unknown }>;
      response_metadata?: { next_cursor?: string };
    }>,
    eventType: string,
    matches: (payload: Record<string, unknown>) => boolean,
    skipTs?: string,
  ): Promise<string | undefined> {
    let cursor: string | undefined;
    do {
      const page = await fetchPage(cursor);
      const found = page.messages?.find((message) => {
        const metadata = message.metadata as
          | { event_type?: string; event_payload?: Record<string, unknown> }
          | undefined;
        return (
          message.ts !== skipTs && metadata?.event_type === eventType && matches(metadata.event_payload ?? {})
        );
      });
      if (found?.ts) return found.ts;
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return undefined;
  }
}
