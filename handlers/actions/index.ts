import type { App } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { registerLinkButtons } from './acknowledge-link-click.ts';

/** Card buttons and menus. */
export function registerActions(app: App, _deps: SlackHandlerDeps): void {
  registerLinkButtons(app);
}
