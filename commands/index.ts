import type { App } from '@slack/bolt';
import type { SlackHandlerDeps } from '../src/app.ts';

/** The /incident command. */
export function registerCommands(_app: App, _deps: SlackHandlerDeps): void {}
