import type { App, ViewSubmitAction } from '@slack/bolt';
import { IMPACT_NAMES } from '../../src/incident/impact.ts';
import { incidentId } from '../../src/incident/incident.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { deniedText } from '../../src/slack/triage-replies.ts';
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

/**
 * Declares start a new incident each time, so the store has nothing to deduplicate them by; a
 * modal submitted twice is caught here by its view id. In memory, one process: that is where a
 * double submit or a redelivery lands. Bounded, oldest forgotten first.
 */
class SeenViews {
  private readonly seen = new Set<string>();
  constructor(private readonly max = 1000) {}

  /** True the first time a view id is offered. */
  first(viewId: string): boolean {
    if (this.seen.has(viewId)) return false;
    this.seen.add(viewId);
    const oldest = this.seen.values().next().value;
    if (this.seen.size > this.max && oldest !== undefined) this.seen.delete(oldest);
    return true;
  }
}

/** The declare modal (opened by `/incident declare` without arguments): title and impact. */
export function createDeclareSubmissionHandler(deps: ViewDeps) {
  const seen = new SeenViews();
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
    if (!seen.first(submission.view.id)) {
      deps.logger.info({ viewId: submission.view.id }, 'declare modal submitted again: ignored');
      return;
    }
    const target = { userId: submission.user.id, channelId: readModalContext(submission).channelId };
    await actAfterClose(deps, target, title, async () => {
      const result = await deps.triage.declare({
        title,
        impact: impact.data,
        actor: { userId: target.userId },
      });
      const reply =
        result.kind === 'denied'
          ? deniedText(result.permission)
          : `Declared ${incidentId(result.incident.seq)}: ${title} (impact ${impact.data} · ${IMPACT_NAMES[impact.data]}). Its card is in <#${deps.config.slack.alertChannel}>.`;
      await reportToUser(deps, target, reply);
    });
  };
}

export function registerDeclareSubmission(app: App, deps: ViewDeps): void {
  const handle = createDeclareSubmissionHandler(deps);
  app.view<ViewSubmitAction>(VIEW_IDS.declareModal, (args) => handle(args));
}
