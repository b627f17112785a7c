import type { App } from '@slack/bolt';
import { registerRunRunbookButton } from './run-runbook-button.ts';
import { registerRunbookChoice } from './runbook-choice.ts';
import type { RunbookActionDeps } from './runbook-deps.ts';
import { registerRunbookThreadButtons } from './runbook-thread-buttons.ts';

/** The card's Run runbook, the modal's menu, and Stop / Approve / Reject in the card's thread. */
export function registerRunbookActions(app: App, deps: RunbookActionDeps): void {
  registerRunRunbookButton(app, deps);
  registerRunbookChoice(app, deps);
  registerRunbookThreadButtons(app, deps);
}
