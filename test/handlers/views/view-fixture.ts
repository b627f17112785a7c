import type { ViewErrorsResponseAction } from '@slack/bolt';
import type { ViewSubmissionArgs } from '../../../handlers/views/view-submission.ts';
import { cardFixture } from '../actions/card-fixture.ts';
import { viewSubmissionPayload } from '../actions/slack-interactions.ts';

/** The card fixture's real triage and store, with the deps a view listener takes. */
export async function viewFixture(options: Parameters<typeof cardFixture>[0] = {}) {
  const fixture = await cardFixture(options);
  const { triage, logger, slack, store } = fixture.deps;
  return {
    ...fixture,
    viewDeps: { triage, logger, slack, store, config: { slack: { alertChannel: 'C0ALERTS' } } },
  };
}

/** Bolt-like view listener arguments recording each ack (undefined = the modal closes). */
export function viewArgs(body: unknown) {
  const events: string[] = [];
  const acks: Array<ViewErrorsResponseAction | undefined> = [];
  const args: ViewSubmissionArgs = {
    ack: async (response) => {
      events.push('ack');
      acks.push(response);
    },
    body,
  };
  return { args, events, acks };
}

/** A submission of `view` (as built by src/incidents/incident-modals.ts and opened as `viewId`). */
export function submission(
  view: Record<string, unknown>,
  values: Record<string, Record<string, unknown>>,
  options: { viewId?: string; userId?: string } = {},
) {
  return viewSubmissionPayload({
    view: { ...view, id: options.viewId ?? 'V0NOTE1' },
    userId: options.userId ?? 'U0ALICE',
    values,
  });
}
