import type { App } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { registerAcknowledgeButton } from './acknowledge-button.ts';
import { registerLinkButtons } from './acknowledge-link-click.ts';
import { registerAddNoteButton } from './add-note-button.ts';
import { registerDatabaseActions } from './database-actions.ts';
import { registerFollowUpButtons } from './follow-up-buttons.ts';
import { registerImpactSelect } from './impact-select.ts';
import { registerPageActions } from './page-actions.ts';
import { registerPostUpdateButton } from './post-update-button.ts';
import { registerRecruitActions } from './recruit-actions.ts';
import { registerReopenButton } from './reopen-button.ts';
import { registerResolveButton } from './resolve-button.ts';
import { registerReviewButtons } from './review-buttons.ts';
import { registerRunbookActions } from './runbook-actions.ts';
import { registerSplitButton } from './split-button.ts';

/** Card buttons and menus, the buttons of a page's DM, and follow-ups' Done/Reopen. */
export function registerActions(app: App, deps: SlackHandlerDeps): void {
  registerLinkButtons(app);
  registerAcknowledgeButton(app, deps);
  registerImpactSelect(app, deps);
  registerAddNoteButton(app, deps);
  registerPostUpdateButton(app, deps);
  registerResolveButton(app, deps);
  registerReopenButton(app, deps);
  registerReviewButtons(app, deps);
  registerRunbookActions(app, deps);
  registerDatabaseActions(app, deps);
  registerPageActions(app, deps);
  registerSplitButton(app, deps);
  registerRecruitActions(app, deps);
  registerFollowUpButtons(app, deps);
}
