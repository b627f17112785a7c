import type { App } from '@slack/bolt';
import type { SlackHandlerDeps } from '../src/app.ts';
import { SLASH_COMMAND } from '../src/slack/ids.ts';
import { SUBCOMMANDS } from './catalog.ts';
import { createCommandRouter } from './router.ts';

/** The /incident command: one listener, one router, one file per subcommand. */
export function registerCommands(app: App, deps: SlackHandlerDeps): void {
  app.command(SLASH_COMMAND, createCommandRouter(deps, SUBCOMMANDS));
}
