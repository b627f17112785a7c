import type { App } from '@slack/bolt';
import { registerRunAgainButton } from './run-again-button.ts';
import { registerRunRunbookButton } from './run-runbook-button.ts';
import { registerRunbookChoice } from './runbook-choice.ts';
import type { RunbookActionDeps } from './runbook-deps.ts';
import { registerRunbookThreadButtons } from './runbook-thread-buttons.ts';

/**
 * The card's Run runbook, the modal's menu, Stop / Approve / Reject in the card's thread, and
 * "Run again anyway" beside a run of the same document already going.
 */
export function registerRunbookActions(app: App, deps: RunbookActionDeps): void {
  registerRunRunbookButton(app, deps);
  registerRunbookChoice(app, deps);
  registerRunbookThreadButtons(app, deps);
  registerRunAgainButton(app, deps);
}
