import type { App, BlockAction } from '@slack/bolt';
import { z } from 'zod';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { type RunbookActionDeps, showRunbookPlan } from './runbook-deps.ts';

/** A choice in the runbook modal's menu: a block_actions payload from a view. */
const choiceSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1) }),
  view: z.object({ id: z.string().min(1), hash: z.string().optional(), private_metadata: z.string() }),
  actions: z.array(z.object({ selected_option: z.object({ value: z.string().min(1) }) })).min(1),
});

const contextSchema = z.object({
  seq: z.number().int().positive(),
  channelId: z.string().min(1).optional(),
});

function parseChoice(body: unknown) {
  const payload = choiceSchema.safeParse(body);
  if (!payload.success) return undefined;
  try {
    const context = contextSchema.safeParse(JSON.parse(payload.data.view.private_metadata));
    if (!context.success) return undefined;
    const runbookId = payload.data.actions[0]?.selected_option.value ?? '';
    return { userId: payload.data.user.id, view: payload.data.view, runbookId, ...context.data };
  } catch {
    return undefined;
  }
}

/**
 * Picking another runbook in the modal: prepares it and shows it in place. A view has no
 * response_url, so anything that goes wrong is shown in the modal itself (or logged).
 */
export async function handleRunbookChoice(
  deps: RunbookActionDeps,
  args: { ack: () => Promise<void>; body: unknown },
): Promise<void> {
  await args.ack();
  const choice = parseChoice(args.body);
  if (!choice) {
    deps.logger.warn('unreadable runbook choice');
    return;
  }
  const { runbooks } = deps.runbooks;
  const incident = await deps.store.getIncident(choice.seq);
  if (!incident || (await runbooks.refusal(choice.userId, incident))) return;
  const fitting = runbooks.fitting(incident);
  const selected = fitting.find((runbook) => runbook.id === choice.runbookId);
  if (!selected) return;
  await showRunbookPlan(
    deps,
    { viewId: choice.view.id, hash: choice.view.hash },
    { incident, fitting, selected, channelId: choice.channelId },
  );
}

export function registerRunbookChoice(app: App, deps: RunbookActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.runbookChoice, (args) => handleRunbookChoice(deps, args));
}
