import type { App, ViewSubmitAction } from '@slack/bolt';
import { deniedText, IMPACT_NAMES, incidentId } from '../../src/incidents/index.ts';
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

const MAX_TITLE = 150;

/** The declare modal (opened by `/incident declare` without arguments): title and impact. */
export function createDeclareSubmissionHandler(deps: ViewDeps) {
  return async (args: ViewSubmissionArgs): Promise<void> => {
    const submission = parseViewSubmission(args.body);
    if (!submission) {
      await args.ack(
        fieldError(BLOCK_IDS.titleInput, 'warroom could not read this form. Cancel it and try again.'),
      );
      return;
    }
    const title = textInput(submission, BLOCK_IDS.titleInput, ACTION_IDS.titleText);
    const impact = impactSchema.safeParse(
      selectedOption(submission, BLOCK_IDS.impactInput, ACTION_IDS.impactChoice),
    );
    if (!title || title.length > MAX_TITLE) {
      await args.ack(
        fieldError(BLOCK_IDS.titleInput, `Give the incident a title (up to ${MAX_TITLE} characters).`),
      );
      return;
    }
    if (!impact.success) {
      await args.ack(
        fieldError(BLOCK_IDS.impactInput, 'Choose an impact from 1 (Critical) to 5 (No impact).'),
      );
      return;
    }
    await args.ack();
    const target = { userId: submission.user.id, channelId: readModalContext(submission).channelId };
    await actAfterClose(deps, target, title, async () => {
      const result = await deps.triage.declare({
        title,
        impact: impact.data,
        actor: { userId: target.userId },
        // A modal submitted twice (or redelivered) declares one incident, even across a restart.
        dedupeKey: `view:${submission.view.id}`,
      });
      if (result.kind === 'duplicate') {
        deps.logger.info({ viewId: submission.view.id }, 'declare modal submitted again: nothing new opened');
        return;
      }
      const reply =
        result.kind === 'denied'
          ? deniedText(result)
          : `Declared ${incidentId(result.incident.seq)}: ${title} (impact ${impact.data} · ${IMPACT_NAMES[impact.data]}). Its card is in <#${deps.config.slack.alertChannel}>.`;
      await reportToUser(deps, target, reply);
    });
  };
}

export function registerDeclareSubmission(app: App, deps: ViewDeps): void {
  const handle = createDeclareSubmissionHandler(deps);
  app.view<ViewSubmitAction>(VIEW_IDS.declareModal, (args) => handle(args));
}
