import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { isBotError } from '../../src/errors.ts';
import { buildAppHome } from '../../src/incidents/index.ts';

const appHomeOpenedSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  /** Absent in some older payloads, which only ever meant the Home tab. */
  tab: z.enum(['home', 'messages']).optional(),
});

/**
 * Publishes the App Home tab (open incidents) each time someone opens it. Bolt acks the event
 * first; a Slack retry just publishes the same view again.
 */
export function registerAppHomeOpened(app: App, deps: SlackHandlerDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    const parsed = appHomeOpenedSchema.safeParse(event);
    if (!parsed.success) {
      deps.logger.warn(
        { issues: parsed.error.issues.length },
        'app_home_opened event of an unexpected shape',
      );
      return;
    }
    if (parsed.data.tab === 'messages') return;
    const view = buildAppHome({
      incidents: await deps.store.listOpenIncidents(),
      now: deps.clock.now(),
      alertChannel: deps.config.slack.alertChannel,
      accounts: deps.config.accounts,
    });
    try {
      await deps.slack.publishHome(parsed.data.user, { ...view });
    } catch (error) {
      // An event names the person; Slack refusing to publish for them (no such user, a user of
      // another workspace) leaves nobody to tell. The tab is redrawn the next time it is opened.
      if (!isBotError(error) || !error.code.startsWith('SLACK.')) throw error;
      deps.logger.warn(
        { code: error.code, userId: parsed.data.user },
        'Slack refused to publish the App Home',
      );
    }
  });
}
