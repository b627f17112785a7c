import type { App } from '@slack/bolt';
import type { SlackHandlerDeps } from '../src/app.ts';
import { toBotError } from '../src/errors.ts';
import { registerLinkButtons } from './actions/acknowledge-link-click.ts';

/** Registers every Slack listener warroom has, and the final error handler. */
export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  registerLinkButtons(app);
  app.error(async (error) => {
    const coded = toBotError(error.original ?? error);
    deps.logger.error({ err: error, code: coded.code }, 'unhandled error in a Slack listener');
  });
}
