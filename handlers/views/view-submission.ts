import type { ViewErrorsResponseAction } from '@slack/bolt';
import { z } from 'zod';
import type { SlackHandlerDeps } from '../../src/app.ts';
import type { ModalContext } from '../../src/incidents/index.ts';
import type { SlackGateway } from '../../src/slack/slack-gateway.ts';

/** The part of Bolt's view listener arguments used here; narrow so unit tests can call listeners. */
export interface ViewSubmissionArgs {
  /** No argument closes the modal; `errors` keeps it open with a message under each named block. */
  ack: (response?: ViewErrorsResponseAction) => Promise<void>;
  body: unknown;
}

export type ViewDeps = Pick<SlackHandlerDeps, 'triage' | 'logger'> & {
  slack: Pick<SlackGateway, 'postEphemeral' | 'openDm' | 'postMessage'>;
  config: { slack: { alertChannel: string } };
};

/** One input's state: a text input has `value` (null when left empty), a select `selected_option`. */
const inputStateSchema = z.object({
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});

/** The view_submission fields warroom reads (test/fixtures/slack/slack-view-submission.json). */
const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    id: z.string().min(1),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), inputStateSchema)) }),
  }),
});

export type ViewSubmission = z.infer<typeof viewSubmissionSchema>;

const modalContextSchema = z.object({
  seq: z.number().int().positive().optional(),
  channelId: z.string().min(1).optional(),
});

export function parseViewSubmission(body: unknown): ViewSubmission | undefined {
  const parsed = viewSubmissionSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/** What the modal was opened for (src/incidents/incident-modals.ts writes it); {} when unreadable. */
export function readModalContext(submission: ViewSubmission): ModalContext {
  try {
    const parsed = modalContextSchema.safeParse(JSON.parse(submission.view.private_metadata));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** A text input's value, trimmed; '' when empty or absent. */
export function textInput(submission: ViewSubmission, blockId: string, actionId: string): string {
  return submission.view.state.values[blockId]?.[actionId]?.value?.trim() ?? '';
}

export function selectedOption(
  submission: ViewSubmission,
  blockId: string,
  actionId: string,
): string | undefined {
  return submission.view.state.values[blockId]?.[actionId]?.selected_option?.value;
}

/** Keeps the modal open with `message` under `blockId`: nothing the person typed is lost. */
export function fieldError(blockId: string, message: string): ViewErrorsResponseAction {
  return { response_action: 'errors', errors: { [blockId]: message } };
}
