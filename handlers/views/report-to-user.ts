import type { ViewDeps } from './view-submission.ts';

/**
 * A submitted modal closes and has no response_url, so its outcome goes as an ephemeral message
 * in the channel it was opened from (private_metadata.channelId). Without a channel (a modal
 * opened from App Home or a shortcut) the outcome is logged only: a DM would need
 * conversations.open and the im:write scope, which warroom does not ask for.
 */
export async function reportToUser(
  deps: Pick<ViewDeps, 'slack' | 'logger'>,
  target: { userId: string; channelId?: string },
  text: string,
): Promise<void> {
  if (!target.channelId) {
    deps.logger.info({ userId: target.userId, text }, 'modal outcome not shown: the modal named no channel');
    return;
  }
  try {
    await deps.slack.postEphemeral({ channel: target.channelId, user: target.userId, text });
  } catch (error) {
    deps.logger.error({ err: error, userId: target.userId, text }, 'could not report a modal outcome');
  }
}
