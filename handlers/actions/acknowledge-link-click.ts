import type { App } from '@slack/bolt';
import { ACTION_IDS } from '../../src/slack/ids.ts';

/**
 * Link buttons open the console in the browser, but Slack still sends the click to the app and
 * shows a warning if it is not acknowledged. Nothing else is to be done with it.
 */
export function registerLinkButtons(app: App): void {
  for (const actionId of [ACTION_IDS.openConsole, ACTION_IDS.openIncidentManager]) {
    app.action(actionId, async ({ ack }) => {
      await ack();
    });
  }
}
