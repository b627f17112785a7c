import type { App, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { createdText, MAX_FOLLOW_UP_TITLE, parseDue } from '../../src/followups/index.ts';
import { deniedText } from '../../src/incidents/index.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { reportToUser } from './report-to-user.ts';
import { fieldError, type ViewSubmissionArgs } from './view-submission.ts';

const submissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    id: z.string().min(1),
    private_metadata: z.string(),
    state: z.object({
      values: z.record(
        z.string(),
        z.record(
          z.string(),
          z.object({
            value: z.string().nullish(),
            selected_user: z.string().nullish(),
            selected_date: z.string().nullish(),
          }),
        ),
      ),
    }),
  }),
});

const contextSchema = z.object({ seq: z.number().int().positive(), channelId: z.string().min(1).optional() });

function readContext(metadata: string): z.infer<typeof contextSchema> | undefined {
  try {
    const parsed = contextSchema.safeParse(JSON.parse(metadata));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Make follow-up modal: a missing title or a past due date keeps it open with the reason under
 * the field; otherwise it closes, the follow-up is made once per modal (its view id), and the
 * outcome is told in the channel the shortcut was used in.
 */
export async function handleFollowUpSubmission(
  deps: SlackHandlerDeps,
  args: ViewSubmissionArgs,
): Promise<void> {
  const parsed = submissionSchema.safeParse(args.body);
  const context = parsed.success ? readContext(parsed.data.view.private_metadata) : undefined;
  if (!parsed.success || !context) {
    deps.logger.warn('follow-up modal submission of an unexpected shape');
    return args.ack(
      fieldError(BLOCK_IDS.followUpTitleInput, 'warroom could not read this form; open it again.'),
    );
  }
  const values = parsed.data.view.state.values;
  const title = values[BLOCK_IDS.followUpTitleInput]?.[ACTION_IDS.followUpTitle]?.value?.trim() ?? '';
  if (title === '') return args.ack(fieldError(BLOCK_IDS.followUpTitleInput, 'Write what needs doing.'));
  if (title.length > MAX_FOLLOW_UP_TITLE) {
    return args.ack(fieldError(BLOCK_IDS.followUpTitleInput, `At most ${MAX_FOLLOW_UP_TITLE} characters.`));
  }
  const owner = values[BLOCK_IDS.followUpOwnerInput]?.[ACTION_IDS.followUpOwner]?.selected_user ?? undefined;
  const dueDate = values[BLOCK_IDS.followUpDueInput]?.[ACTION_IDS.followUpDue]?.selected_date ?? undefined;
  const due = dueDate ? parseDue(dueDate, deps.clock.now()) : undefined;
  if (due && !due.ok) return args.ack(fieldError(BLOCK_IDS.followUpDueInput, due.problem));
  const userId = parsed.data.user.id;
  const incident = await deps.store.getIncident(context.seq);
  if (!incident) return args.ack(fieldError(BLOCK_IDS.followUpTitleInput, 'That incident no longer exists.'));
  // Checked again: the permission may have changed since the shortcut opened the form.
  const denial = await deps.permissions.refusal('triage', userId, incident);
  if (denial) return args.ack(fieldError(BLOCK_IDS.followUpTitleInput, deniedText(denial)));
  await args.ack();
  const { followUp, created, opsCenter } = await deps.followUps.create({
    incident,
    title,
    ...(owner ? { owner } : {}),
    ...(due?.ok ? { due: due.due } : {}),
    createdBy: userId,
    dedupeKey: `view:${parsed.data.view.id}`,
  });
  // A modal submitted twice was answered the first time; the second says nothing more.
  if (!created) return;
  await reportToUser(
    deps,
    { userId, ...(context.channelId ? { channelId: context.channelId } : {}) },
    createdText(followUp, true, opsCenter, deps.config.aws.region),
  );
}

export function registerFollowUpSubmission(app: App, deps: SlackHandlerDeps): void {
  app.view<ViewSubmitAction>(VIEW_IDS.followUpModal, (args) => handleFollowUpSubmission(deps, args));
}
