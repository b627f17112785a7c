import type { App, ViewSubmitAction } from '@slack/bolt';
import { incidentId } from '../../src/incident/incident.ts';
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

const MAX_NOTE = 3000;

/**
 * The note modal: validates, closes, then appends one timeline note. The view id is the dedupe
 * key, so a modal submitted twice (double click, redelivery) adds the note once.
 */
export async function handleNoteSubmission(deps: ViewDeps, args: ViewSubmissionArgs): Promise<void> {
  const submission = parseViewSubmission(args.body);
  const context = submission ? readModalContext(submission) : {};
  const text = submission ? textInput(submission, BLOCK_IDS.noteInput, ACTION_IDS.noteText) : '';
  if (!submission || context.seq === undefined) {
    await args.ack(
      fieldError(
        BLOCK_IDS.noteInput,
        'This form lost track of its incident. Cancel it and click Add note on the card again.',
      ),
    );
    return;
  }
  if (!text) {
    await args.ack(fieldError(BLOCK_IDS.noteInput, 'Write the note before adding it.'));
    return;
  }
  if (text.length > MAX_NOTE) {
    await args.ack(fieldError(BLOCK_IDS.noteInput, `Keep the note within ${MAX_NOTE} characters.`));
    return;
  }
  await args.ack();
  const seq = context.seq;
  const target = { userId: submission.user.id, channelId: context.channelId };
  await actAfterClose(deps, target, text, async () => {
    const result = await deps.triage.perform(
      seq,
      { kind: 'note', text },
      { userId: target.userId },
      `view:${submission.view.id}`,
    );
    deps.logger.info({ seq, outcome: result.kind, viewId: submission.view.id }, 'note modal');
    // A duplicate is the same submission again: its first delivery already answered.
    if (result.kind === 'duplicate') return;
    const reply =
      result.kind === 'changed'
        ? `${incidentId(result.incident.seq)}: your note is on the timeline.`
        : triageReplyText(result);
    await reportToUser(deps, target, reply);
  });
}

export function registerNoteSubmission(app: App, deps: ViewDeps): void {
  app.view<ViewSubmitAction>(VIEW_IDS.noteModal, (args) => handleNoteSubmission(deps, args));
}
