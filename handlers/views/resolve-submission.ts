import type { App, ViewSubmitAction } from '@slack/bolt';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { triageReplyText } from '../../src/slack/triage-replies.ts';
import { actAfterClose } from './act-after-close.ts';
import { reportToUser } from './report-to-user.ts';
import {
  fieldError,
  parseViewSubmission,
  readModalContext,
  textInput,
  type ViewDeps,
  type ViewSubmissionArgs,
} from './view-submission.ts';

const MAX_SUMMARY = 3000;

/**
 * The resolve modal: a summary is required (it goes to the card, the timeline and Incident
 * Manager). Submitting is the confirmation; the card and Incident Manager follow the change.
 */
export async function handleResolveSubmission(deps: ViewDeps, args: ViewSubmissionArgs): Promise<void> {
  const submission = parseViewSubmission(args.body);
  const context = submission ? readModalContext(submission) : {};
  const summary = submission ? textInput(submission, BLOCK_IDS.summaryInput, ACTION_IDS.summaryText) : '';
  if (!submission || context.seq === undefined) {
    await args.ack(
      fieldError(
        BLOCK_IDS.summaryInput,
        'This form lost track of its incident. Cancel it and click Resolve on the card again.',
      ),
    );
    return;
  }
  if (!summary) {
    await args.ack(fieldError(BLOCK_IDS.summaryInput, 'Say what happened and what fixed it.'));
    return;
  }
  if (summary.length > MAX_SUMMARY) {
    await args.ack(fieldError(BLOCK_IDS.summaryInput, `Keep the summary within ${MAX_SUMMARY} characters.`));
    return;
  }
  await args.ack();
  const seq = context.seq;
  const target = { userId: submission.user.id, channelId: context.channelId };
  await actAfterClose(deps, target, summary, async () => {
    const result = await deps.triage.perform(
      seq,
      { kind: 'resolve', summary },
      { userId: target.userId },
      `view:${submission.view.id}`,
    );
    deps.logger.info({ seq, outcome: result.kind, viewId: submission.view.id }, 'resolve modal');
    // A duplicate is the same submission again: its first delivery already answered.
    if (result.kind === 'duplicate') return;
    await reportToUser(deps, target, triageReplyText(result));
  });
}

export function registerResolveSubmission(app: App, deps: ViewDeps): void {
  app.view<ViewSubmitAction>(VIEW_IDS.resolveModal, (args) => handleResolveSubmission(deps, args));
}
