import type { App } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';

/** Events API listeners (reactions, App Home) and shortcuts. */
export function registerEvents(_app: App, _deps: SlackHandlerDeps): void {}
