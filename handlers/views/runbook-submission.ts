import type { App, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { runbookOutcomeMessage } from '../../src/runbooks/index.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { actAfterClose } from './act-after-close.ts';
import { reportToUser } from './report-to-user.ts';
import {
  fieldError,
  parseViewSubmission,
  type ViewDeps,
  type ViewSubmissionArgs,
} from './view-submission.ts';

export type RunbookViewDeps = Pick<ViewDeps, 'slack' | 'logger'> & Pick<SlackHandlerDeps, 'runbooks'>;

const contextSchema = z.object({
  seq: z.number().int().positive(),
  runbookId: z.string().min(1),
  channelId: z.string().min(1).optional(),
});

/** SSM takes values of 1 to 512 characters. */
const MAX_VALUE = 512;

/**
 * The runbook modal's submit is the confirmation. The editable values are checked in place (the
 * modal stays open on a bad one), then it closes and the runbook starts (or its approval request
 * is posted). The view id is the request key: the same modal submitted twice (or 20 times at
 * once) starts one execution.
 */
export async function handleRunbookSubmission(
  deps: RunbookViewDeps,
  args: ViewSubmissionArgs,
): Promise<void> {
  const submission = parseViewSubmission(args.body);
  let context: z.infer<typeof contextSchema> | undefined;
  try {
    const parsed = submission
      ? contextSchema.safeParse(JSON.parse(submission.view.private_metadata))
      : undefined;
    context = parsed?.success ? parsed.data : undefined;
  } catch {
    context = undefined;
  }
  if (!submission || !context) {
    await args.ack(
      fieldError(
        BLOCK_IDS.runbookChoice,
        'This form lost track of its incident. Cancel it and click Run runbook again.',
      ),
    );
    return;
  }
  const overrides: Record<string, string> = {};
  for (const [blockId, inputs] of Object.entries(submission.view.state.values)) {
    if (!blockId.startsWith(BLOCK_IDS.runbookParameterPrefix)) continue;
    const value = inputs[ACTION_IDS.runbookParameter]?.value?.trim() ?? '';
    if (value.length > MAX_VALUE) {
      await args.ack(
        fieldError(blockId, `Keep it within ${MAX_VALUE} characters (Systems Manager's limit).`),
      );
      return;
    }
    overrides[blockId.slice(BLOCK_IDS.runbookParameterPrefix.length)] = value;
  }
  await args.ack();
  const { seq, runbookId, channelId } = context;
  const target = { userId: submission.user.id, channelId };
  const typed =
    Object.entries(overrides)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n') || runbookId;
  await actAfterClose(deps, target, typed, async () => {
    const outcome = await deps.runbooks.runbooks.ask({
      seq,
      runbookId,
      actorId: target.userId,
      requestKey: `view:${submission.view.id}`,
      overrides,
    });
    deps.logger.info({ seq, runbookId, outcome: outcome.kind, viewId: submission.view.id }, 'runbook modal');
    // The same submission again: its first delivery already answered.
    if (outcome.kind === 'duplicate') return;
    await reportToUser(deps, target, runbookOutcomeMessage(outcome));
  });
}

export function registerRunbookSubmission(app: App, deps: RunbookViewDeps): void {
  app.view<ViewSubmitAction>(VIEW_IDS.runbookModal, (args) => handleRunbookSubmission(deps, args));
}
