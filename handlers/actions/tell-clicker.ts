import type { KnownBlock } from '../../src/slack/block-kit.ts';
import type { CardActionDeps, CardClickArgs, ClickTarget } from './card-click.ts';

/**
 * Tells only the person who clicked, below the card. response_url first: it works wherever the
 * card is, even where the bot is no member; `replace_original: false` or Slack would replace the
 * card with this text. chat.postEphemeral in the card's channel is the fallback (the URL takes
 * five posts in 30 minutes). If both fail the reply is lost, and that is logged as an error.
 */
export async function tellClicker(
  deps: Pick<CardActionDeps, 'slack' | 'logger'>,
  args: Pick<CardClickArgs, 'respond'>,
  target: ClickTarget,
  message: string | { text: string; blocks: KnownBlock[] },
): Promise<void> {
  const { text, blocks } = typeof message === 'string' ? { text: message, blocks: undefined } : message;
  if (args.respond) {
    try {
      await args.respond({ response_type: 'ephemeral', replace_original: false, text, blocks });
      return;
    } catch (error) {
      deps.logger.warn(
        { err: error, userId: target.userId },
        'response_url refused a reply; trying chat.postEphemeral',
      );
    }
  }
  if (!target.userId || !target.channelId) {
    deps.logger.error(
      { userId: target.userId, text },
      'could not tell the clicker: no response_url and no channel',
    );
    return;
  }
  try {
    await deps.slack.postEphemeral({ channel: target.channelId, user: target.userId, text, blocks });
  } catch (error) {
    deps.logger.error({ err: error, userId: target.userId, text }, 'could not tell the clicker');
  }
}
