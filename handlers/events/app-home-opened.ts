import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { publishHome } from './publish-home.ts';

const appHomeOpenedSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  /** Absent in some older payloads, which only ever meant the Home tab. */
  tab: z.enum(['home', 'messages']).optional(),
});

/**
 * Publishes the App Home tab (the person's open follow-ups, open incidents) each time someone opens it. Bolt acks the event
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
    await publishHome(deps, parsed.data.user);
  });
}
