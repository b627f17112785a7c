import type { App } from '@slack/bolt';
import { registerCommands } from '../commands/index.ts';
import type { SlackHandlerDeps } from '../src/app.ts';
import { toBotError } from '../src/errors.ts';
import { registerActions } from './actions/index.ts';
import { registerEvents } from './events/index.ts';
import { registerUnclaimedAnswer } from './unclaimed/answer-unclaimed.ts';
import { registerViews } from './views/index.ts';

/**
 * Registers every Slack listener warroom has, and the final error handler. The answer for what no
 * listener takes goes first: as a global middleware it wraps all the listeners registered after it.
 */
export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  registerUnclaimedAnswer(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  app.error(async (error) => {
    const coded = toBotError(error.original ?? error);
    deps.logger.error({ err: error, code: coded.code }, 'unhandled error in a Slack listener');
  });
}
