import type { App } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';

/** Modal submissions. */
export function registerViews(_app: App, _deps: SlackHandlerDeps): void {}
