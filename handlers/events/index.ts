import type { App } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { registerAddToTimelineShortcut } from './add-to-timeline-shortcut.ts';
import { registerAppHomeOpened } from './app-home-opened.ts';
import { registerMakeFollowUpShortcut } from './make-follow-up-shortcut.ts';
import { registerPinReaction } from './pin-reaction.ts';

/** Events API listeners (📌 reactions, App Home) and the message shortcuts. */
export function registerEvents(app: App, deps: SlackHandlerDeps): void {
  registerPinReaction(app, deps, deps.timelineCapture);
  registerAddToTimelineShortcut(app, deps, deps.timelineCapture);
  registerAppHomeOpened(app, deps);
  registerMakeFollowUpShortcut(app, deps);
}
