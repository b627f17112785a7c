import { isBotError } from '../errors.ts';
import { SLACK_UNCONFIRMED } from './slack-api-caller.ts';
import type { MessageContent, SlackGateway } from './slack-gateway.ts';

/**
 * Posts a message that carries metadata naming it. When Slack's answer is lost (a 5xx, a dropped
 * connection, `internal_error`: it may have posted), it looks for the message with `find` before
 * anything is posted again, and a message found is the answer. Not found: with `postAgain` it
 * posts once more (what Slack showed had not been posted); without, the error goes to the caller,
 * whose own retry looks again before posting.
 */
export async function postOrFind(
  slack: Pick<SlackGateway, 'postMessage'>,
  content: MessageContent,
  find: () => Promise<string | undefined>,
  options: { postAgain?: boolean } = {},
): Promise<{ ts: string; found: boolean }> {
  for (let posts = 1; ; posts++) {
    try {
      const { ts } = await slack.postMessage(content);
      return { ts, found: false };
    } catch (error) {
      if (!isBotError(error) || error.code !== SLACK_UNCONFIRMED) throw error;
      const ts = await find();
      if (ts) return { ts, found: true };
      if (!options.postAgain || posts >= 2) throw error;
    }
  }
}
