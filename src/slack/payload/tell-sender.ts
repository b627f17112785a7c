import type { Logger } from '../../logger.ts';
import type { SlackGateway } from '../slack-gateway.ts';
import type { PayloadSender } from './check-slack-payload.ts';

/** Tells the person behind a payload something, only them; never throws. */
export type TellSender = (sender: PayloadSender, text: string) => Promise<void>;

export interface TellSenderDeps {
  slack: Pick<SlackGateway, 'postEphemeral'>;
  logger: Logger;
  /** How the response_url is posted to (tests pass a recording one). */
  fetch?: typeof fetch;
}

const RESPONSE_URL_TIMEOUT_MS = 5000;

/**
 * Only where a person is behind the payload: a user id, and a response_url or a channel. The
 * response_url goes first (it works where the bot is no member; `replace_original: false` keeps the
 * message the button was on), chat.postEphemeral in the channel second. A reply that cannot be
 * delivered is logged as a warning: the payload it answers was broken to begin with.
 */
export function createTellSender(deps: TellSenderDeps): TellSender {
  const post = deps.fetch ?? fetch;
  return async (sender, text) => {
    if (!sender.userId) return;
    if (sender.responseUrl) {
      try {
        const response = await post(sender.responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
          signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (response.ok) return;
        deps.logger.warn({ status: response.status, userId: sender.userId }, 'response_url refused a reply');
      } catch (error) {
        deps.logger.warn({ err: error, userId: sender.userId }, 'could not post to a response_url');
      }
    }
    if (!sender.channelId) return;
    try {
      await deps.slack.postEphemeral({ channel: sender.channelId, user: sender.userId, text });
    } catch (error) {
      deps.logger.warn({ err: error, userId: sender.userId }, 'could not tell the sender of a bad payload');
    }
  };
}
