import type { SlackHandlerDeps } from '../../src/app.ts';
import { isBotError } from '../../src/errors.ts';
import { buildHomeFollowUps } from '../../src/followups/index.ts';
import { buildAppHome } from '../../src/incidents/index.ts';

/** Of App Home's 100 blocks, at most this many go to the person's follow-ups. */
const FOLLOW_UP_ROOM = 14;

/**
 * Publishes a person's App Home: their open follow-ups (OpsCenter read back first), then the open
 * incidents. Slack refusing to publish for them leaves nobody to tell: a warning.
 */
export async function publishHome(
  deps: Pick<SlackHandlerDeps, 'store' | 'slack' | 'clock' | 'config' | 'followUps' | 'logger'>,
  userId: string,
): Promise<void> {
  const now = deps.clock.now();
  const mine = await deps.followUps.list({ kind: 'mine' }, userId);
  const view = buildAppHome({
    incidents: await deps.store.listOpenIncidents(),
    now,
    alertChannel: deps.config.slack.alertChannel,
    accounts: deps.config.accounts,
    before: buildHomeFollowUps(mine, now, deps.config.aws.region, FOLLOW_UP_ROOM),
  });
  try {
    await deps.slack.publishHome(userId, { ...view });
  } catch (error) {
    // An event names the person; Slack refusing to publish for them (no such user, a user of
    // another workspace) leaves nobody to tell. The tab is redrawn the next time it is opened.
    if (!isBotError(error) || !error.code.startsWith('SLACK.')) throw error;
    deps.logger.warn({ code: error.code, userId }, 'Slack refused to publish the App Home');
  }
}
