import type { App, ViewSubmitAction } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import {
  incidentId,
  noteConfirmation,
  type PostUpdateDeps,
  postUpdate,
  triageReplyText,
} from '../../src/incidents/index.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { impactSchema } from '../actions/card-click-payload.ts';
import { actAfterClose } from './act-after-close.ts';
import { reportToUser } from './report-to-user.ts';
import {
  fieldError,
  parseViewSubmission,
  readModalContext,
  selectedOption,
  textInput,
  type ViewDeps,
  type ViewSubmissionArgs,
} from './view-submission.ts';

/** Slack caps a plain_text_input at 3,000 characters. */
const MODAL_UPDATE_MAX = 3000;

export type UpdateViewDeps = Omit<ViewDeps, 'config'> &
  Pick<SlackHandlerDeps, 'store'> & {
    slack: ViewDeps['slack'] & PostUpdateDeps['slack'];
    config: { slack: { alertChannel: string; updatesChannel?: string } };
  };

/**
 * The update modal: validates in place (nothing typed is lost), closes, applies a changed impact
 * first so the update says it, then records the update and posts it where stakeholders read.
 * The view id is the dedupe key, so a modal submitted twice posts once.
 */
export async function handleUpdateSubmission(deps: UpdateViewDeps, args: ViewSubmissionArgs): Promise<void> {
  const submission = parseViewSubmission(args.body);
  const context = submission ? readModalContext(submission) : {};
  if (!submission || context.seq === undefined) {
    const lost = 'This form lost track of its incident. Cancel it and click Post update on the card again.';
    await args.ack(fieldError(BLOCK_IDS.updateInput, lost));
    return;
  }
  const text = textInput(submission, BLOCK_IDS.updateInput, ACTION_IDS.updateText);
  const impact = impactSchema.safeParse(
    selectedOption(submission, BLOCK_IDS.updateImpactInput, ACTION_IDS.impactChoice),
  );
  if (!impact.success) {
    await args.ack(
      fieldError(BLOCK_IDS.updateImpactInput, 'Choose an impact from 1 (Critical) to 5 (No impact).'),
    );
    return;
  }
  if (!text) {
    await args.ack(fieldError(BLOCK_IDS.updateInput, 'Write the update before posting it.'));
    return;
  }
  if (text.length > MODAL_UPDATE_MAX) {
    await args.ack(
      fieldError(BLOCK_IDS.updateInput, `Keep the update within ${MODAL_UPDATE_MAX} characters.`),
    );
    return;
  }
  await args.ack();
  const seq = context.seq;
  const actor = { userId: submission.user.id };
  const target = { userId: actor.userId, channelId: context.channelId };
  const viewKey = `view:${submission.view.id}`;
  await actAfterClose(deps, target, text, async () => {
    const before = await deps.store.getIncident(seq);
    if (before && before.impact !== impact.data) {
      const changed = await deps.triage.perform(
        seq,
        { kind: 'impact', impact: impact.data },
        actor,
        `${viewKey}:impact`,
      );
      // A refused impact change refuses the update too: it would misstate the impact.
      if (changed.kind === 'denied' || changed.kind === 'not-found')
        return reportToUser(deps, target, triageReplyText(changed));
    }
    const result = await deps.triage.perform(seq, { kind: 'update', text }, actor, viewKey);
    deps.logger.info({ seq, outcome: result.kind, viewId: submission.view.id }, 'update modal');
    if (result.kind === 'duplicate') return;
    if (result.kind !== 'changed') return reportToUser(deps, target, triageReplyText(result));
    const current = (await deps.store.getIncident(seq)) ?? result.incident;
    const posting = {
      ...deps,
      alertChannel: deps.config.slack.alertChannel,
      updatesChannel: deps.config.slack.updatesChannel,
    };
    const posted = await postUpdate(posting, current, result.entry);
    await reportToUser(deps, target, noteConfirmation(incidentId(seq), posted, 'update'));
  });
}

export function registerUpdateSubmission(app: App, deps: UpdateViewDeps): void {
  app.view<ViewSubmitAction>(VIEW_IDS.updateModal, (args) => handleUpdateSubmission(deps, args));
}
