import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { postOrFind } from '../slack/post-or-find.ts';
import { postThreadReplyOnce } from '../slack/post-thread-reply-once.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import { findHomeCard } from './home-channel.ts';
import type { Incident } from './incident.ts';

export interface PostPlacesDeps {
  store: Pick<Store, 'getIncident' | 'getCard'>;
  slack: Pick<
    SlackGateway,
    'postMessage' | 'updateMessage' | 'findReplyByMetadata' | 'findMessageByMetadata' | 'permalink'
  >;
  alertChannel: string;
  logger: Logger;
}

/** Where messages were posted (a permalink each), and where they could not be, in words. */
export interface PostedPlaces {
  thread?: string;
  channel?: { id: string; link?: string };
  /** `slack.updatesChannel`, for a status update. */
  updates?: { id: string; link?: string };
  problems: string[];
}

export interface IncidentPost {
  /** One or more messages, posted in order in each place. */
  messages: string[];
  /** Metadata event type: a message whose post answer was lost is found by it, not posted twice. */
  eventType: string;
  /** Names the whole post (an entry's dedupe key or time): each message's id is `<key>:<index>`. */
  key: string;
  /** When it was written: where a lost message is searched from. */
  at: Date;
  /** A channel the words are already in (a kept message), so not posted there again. */
  except?: string;
  /** A further channel to post in (stakeholders'), besides the thread and the incident channel. */
  alsoIn?: string;
}

function reason(error: unknown): string {
  return isBotError(error) ? error.userMessage : 'Slack did not answer';
}

async function postInChannel(
  deps: PostPlacesDeps,
  channel: string,
  post: IncidentPost,
  id: (index: number) => string,
): Promise<{ id: string; link?: string }> {
  let first: string | undefined;
  for (const [index, text] of post.messages.entries()) {
    const metadata = { event_type: post.eventType, event_payload: { id: id(index) } };
    const find = () =>
      deps.slack.findMessageByMetadata(
        channel,
        post.at,
        post.eventType,
        (payload) => payload['id'] === id(index),
      );
    const { ts } = await postOrFind(deps.slack, { channel, text, metadata }, find);
    first ??= ts;
  }
  return {
    id: channel,
    link: first ? await deps.slack.permalink(channel, first).catch(() => undefined) : undefined,
  };
}

/**
 * Posts an incident's messages where its people are: the thread of its card in its home channel,
 * its own channel when it has one, and `alsoIn` when given. Each message is posted once even when
 * Slack's answer is lost. A failure is reported, never swallowed: the entry is already on the timeline.
 */
export async function postToIncidentPlaces(
  deps: PostPlacesDeps,
  incident: Incident,
  post: IncidentPost,
): Promise<PostedPlaces> {
  const id = (index: number) => `${incident.seq}:${post.key}:${index}`;
  const posted: PostedPlaces = { problems: [] };
  const { channel, card } = await findHomeCard(deps.store, incident.seq, deps.alertChannel);
  if (card?.ts && post.except !== channel) {
    const threadTs = card.ts;
    try {
      let first: string | undefined;
      for (const [index, text] of post.messages.entries()) {
        const { ts } = await postThreadReplyOnce(
          deps.slack,
          { channel, threadTs, text },
          { eventType: post.eventType, id: id(index) },
        );
        first ??= ts;
      }
      posted.thread = first ? await deps.slack.permalink(channel, first).catch(() => undefined) : undefined;
    } catch (error) {
      deps.logger.warn({ err: error, seq: incident.seq }, 'not posted in the card thread');
      posted.problems.push(`I could not post it in the card's thread (${reason(error)})`);
    }
  }
  const own = incident.channelId;
  if (own && own !== channel && own !== post.except) {
    try {
      posted.channel = await postInChannel(deps, own, post, id);
    } catch (error) {
      deps.logger.warn({ err: error, seq: incident.seq }, 'not posted in the incident channel');
      posted.problems.push(`I could not post it in <#${own}> (${reason(error)})`);
    }
  }
  // The stakeholders' channel gets it once, even when it is also the card's or the incident's.
  const also = post.alsoIn;
  if (also && also !== own && !(also === channel && posted.thread)) {
    try {
      posted.updates = await postInChannel(deps, also, post, id);
    } catch (error) {
      deps.logger.warn({ err: error, seq: incident.seq }, 'not posted in the updates channel');
      posted.problems.push(`I could not post it in <#${also}> (${reason(error)})`);
    }
  }
  return posted;
}
