import type { App } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { buildOlderWarroomText, type OlderInteraction } from '../../src/incidents/index.ts';
import { SLASH_COMMAND } from '../../src/slack/ids.ts';
import { buildNoticeModal } from '../../src/slack/notice-modal.ts';
import { senderOf } from '../../src/slack/payload/check-slack-payload.ts';
import { wasAcknowledged } from '../../src/slack/payload/guarded-app.ts';
import { createTellSender } from '../../src/slack/payload/tell-sender.ts';
import { findPointedIncident } from './find-pointed-incident.ts';

type UnclaimedDeps = Pick<SlackHandlerDeps, 'store' | 'slack' | 'config' | 'logger'>;

/** The part of Bolt's middleware arguments used here. */
export interface UnclaimedArgs {
  body: Record<string, unknown>;
  context: Record<string, unknown>;
  /** Absent for events, which Bolt acknowledges itself. */
  ack?: (response?: unknown) => Promise<void>;
  next: () => Promise<void>;
}

const INTERACTION_OF: Record<string, OlderInteraction> = {
  block_actions: 'button',
  view_submission: 'form',
  message_action: 'shortcut',
  shortcut: 'shortcut',
};

/**
 * Answers what no listener took: a button, form or shortcut from an older warroom (its ids are gone
 * from src/slack/ids.ts), another app's slash command, a type-ahead. Runs around every listener
 * (registered first, it resumes after all of them): if nothing acknowledged the payload, it is
 * acknowledged now, not after Slack's 3 s, and the person hears where their incident stands.
 */
export function registerUnclaimedAnswer(app: App, deps: UnclaimedDeps): void {
  app.use((args) => answerUnclaimed(deps, args as unknown as UnclaimedArgs));
}

export async function answerUnclaimed(deps: UnclaimedDeps, args: UnclaimedArgs): Promise<void> {
  await args.next();
  const { ack, body } = args;
  if (!ack || wasAcknowledged(args.context)) return;
  const type = typeof body['command'] === 'string' ? 'command' : String(body['type']);
  deps.logger.info({ type, id: idOf(body) }, 'answering a Slack interaction no listener took');
  if (type === 'command') {
    return ack({
      response_type: 'ephemeral',
      text: `warroom answers \`${SLASH_COMMAND}\` only; \`${String(body['command']).slice(0, 40)}\` belongs to another app or an older manifest.`,
    });
  }
  if (type === 'block_suggestion') return ack({ options: [] });
  const what = INTERACTION_OF[type];
  if (!what) return ack();
  // A form is answered in its ack (the modal shows it), so only the store is asked before it.
  if (what === 'form') {
    const text = buildOlderWarroomText(what, await findPointedIncident(deps, body, { cardLink: false }));
    return ack({ response_action: 'update', view: buildNoticeModal(text) });
  }
  await ack();
  const text = buildOlderWarroomText(what, await findPointedIncident(deps, body, { cardLink: true }));
  await createTellSender({ slack: deps.slack, logger: deps.logger })(senderOf(body), text);
}

function idOf(body: Record<string, unknown>): string | undefined {
  const actions = body['actions'];
  const first: unknown = Array.isArray(actions) ? actions[0] : undefined;
  const view = body['view'];
  const candidates = [
    typeof first === 'object' && first !== null ? (first as Record<string, unknown>)['action_id'] : undefined,
    typeof view === 'object' && view !== null ? (view as Record<string, unknown>)['callback_id'] : undefined,
    body['callback_id'],
    body['command'],
  ];
  const found = candidates.find((candidate) => typeof candidate === 'string');
  return typeof found === 'string' ? found.slice(0, 80) : undefined;
}
