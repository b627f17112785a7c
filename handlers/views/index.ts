import type { App } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { registerDeclareSubmission } from './declare-submission.ts';
import { registerFollowUpSubmission } from './follow-up-submission.ts';
import { registerNoteSubmission } from './note-submission.ts';
import { registerReopenSubmission } from './reopen-submission.ts';
import { registerResolveSubmission } from './resolve-submission.ts';
import { registerRunbookSubmission } from './runbook-submission.ts';
import { registerUpdateSubmission } from './update-submission.ts';

/** Modal submissions. */
export function registerViews(app: App, deps: SlackHandlerDeps): void {
  registerNoteSubmission(app, deps);
  registerUpdateSubmission(app, deps);
  registerResolveSubmission(app, deps);
  registerReopenSubmission(app, deps);
  registerDeclareSubmission(app, deps);
  registerRunbookSubmission(app, deps);
  registerFollowUpSubmission(app, deps);
}
