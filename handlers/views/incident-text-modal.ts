import type { TriageAction, TriageResult } from '../../src/incidents/index.ts';
import { triageReplyText } from '../../src/incidents/index.ts';
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

/** A modal about one incident with one required text field (a note, a resolution summary). */
export interface IncidentTextModal {
  name: string;
  blockId: string;
  actionId: string;
  max: number;
  /** What the card button was called, for "click <button> on the card again". */
  button: string;
  emptyMessage: string;
  /** The field's name in "keep the <noun> within N characters". */
  noun: string;
  action: (text: string) => TriageAction;
  /** The reply on success, after any follow-up (a note is posted where the team works); the standard triage reply otherwise. */
  changedReply?: (result: Extract<TriageResult, { kind: 'changed' }>) => Promise<string>;
}

/**
 * Validates in place (the modal stays open on bad input, nothing typed is lost), closes, then acts
 * through Triage. The view id is the dedupe key, so a modal submitted twice acts once.
 */
export async function handleIncidentTextModal(
  spec: IncidentTextModal,
  deps: ViewDeps,
  args: ViewSubmissionArgs,
): Promise<void> {
  const submission = parseViewSubmission(args.body);
  const context = submission ? readModalContext(submission) : {};
  const text = submission ? textInput(submission, spec.blockId, spec.actionId) : '';
  if (!submission || context.seq === undefined) {
    const lost = `This form lost track of its incident. Cancel it and click ${spec.button} on the card again.`;
    await args.ack(fieldError(spec.blockId, lost));
    return;
  }
  if (!text) {
    await args.ack(fieldError(spec.blockId, spec.emptyMessage));
    return;
  }
  if (text.length > spec.max) {
    await args.ack(fieldError(spec.blockId, `Keep the ${spec.noun} within ${spec.max} characters.`));
    return;
  }
  await args.ack();
  const seq = context.seq;
  const target = { userId: submission.user.id, channelId: context.channelId };
  await actAfterClose(deps, target, text, async () => {
    const result: TriageResult = await deps.triage.perform(
      seq,
      spec.action(text),
      { userId: target.userId },
      `view:${submission.view.id}`,
    );
    deps.logger.info({ seq, outcome: result.kind, viewId: submission.view.id }, `${spec.name} modal`);
    // A duplicate is the same submission again: its first delivery already answered.
    if (result.kind === 'duplicate') return;
    const reply =
      result.kind === 'changed' && spec.changedReply
        ? await spec.changedReply(result)
        : triageReplyText(result);
    await reportToUser(deps, target, reply);
  });
}
