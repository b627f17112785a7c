import type { SlackHandlerDeps } from '../../src/app.ts';
import { toBotError } from '../../src/errors.ts';
import type { Incident } from '../../src/incidents/index.ts';
import type { RunbookDefinition } from '../../src/runbooks/index.ts';
import { buildRunbookModal } from '../../src/runbooks/index.ts';
import type { SlackGateway } from '../../src/slack/slack-gateway.ts';
import type { CardActionDeps } from './card-click.ts';

/** What the runbook listeners need (Slack narrowed so tests can fake it). */
export type RunbookActionDeps = Omit<CardActionDeps, 'slack'> &
  Pick<SlackHandlerDeps, 'runbooks'> & {
    slack: Pick<SlackGateway, 'openView' | 'postEphemeral' | 'openModal' | 'updateView'>;
  };

/**
 * Prepares the chosen runbook (RDS and SSM calls, so after the modal is open) and shows the result
 * in it. An AWS failure is shown in the modal too, in plain words. A hash conflict means the person
 * picked another runbook meanwhile, whose own update wins.
 */
export async function showRunbookPlan(
  deps: RunbookActionDeps,
  view: { viewId: string; hash?: string },
  input: {
    incident: Incident;
    fitting: RunbookDefinition[];
    selected: RunbookDefinition;
    channelId?: string;
  },
): Promise<void> {
  let state: Parameters<typeof buildRunbookModal>[0]['state'];
  try {
    const prepared = await deps.runbooks.runbooks.preview(input.incident, input.selected);
    state = prepared.ok
      ? { kind: 'ready', plan: prepared.plan }
      : { kind: 'problems', problems: prepared.problems };
  } catch (error) {
    const coded = toBotError(error);
    deps.logger.warn(
      { err: error, seq: input.incident.seq, runbook: input.selected.id },
      'runbook preview failed',
    );
    state = { kind: 'problems', problems: [coded.userMessage] };
  }
  try {
    await deps.slack.updateView(view.viewId, buildRunbookModal({ ...input, state }), view.hash);
  } catch (error) {
    if (toBotError(error).code === 'SLACK.HASH_CONFLICT') return;
    throw error;
  }
}
