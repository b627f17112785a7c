import type { KnownBlock } from '../../src/slack/block-kit.ts';
import type { ViewDeps } from './view-submission.ts';

/**
 * A submitted modal closes and has no response_url, so its outcome goes as an ephemeral message
 * in the channel it was opened from (private_metadata.channelId). Without a channel (a modal
 * opened from App Home or a shortcut) it goes by DM (im:write, which pages need anyway), so the
 * person always learns what their submission did.
 */
export async function reportToUser(
  deps: Pick<ViewDeps, 'slack' | 'logger'>,
  target: { userId: string; channelId?: string },
  message: string | { text: string; blocks: KnownBlock[] },
): Promise<void> {
  const { text, blocks } = typeof message === 'string' ? { text: message, blocks: undefined } : message;
  try {
    if (target.channelId) {
      await deps.slack.postEphemeral({ channel: target.channelId, user: target.userId, text, blocks });
    } else {
      const dm = await deps.slack.openDm(target.userId);
      await deps.slack.postMessage({ channel: dm, text, blocks });
    }
  } catch (error) {
    deps.logger.error({ err: error, userId: target.userId, text }, 'could not report a modal outcome');
  }
}
