import type { App, BlockAction } from '@slack/bolt';
import { z } from 'zod';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { buildFollowUpList, readScope, statusText } from '../../src/followups/index.ts';
import { deniedText } from '../../src/incidents/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { publishHome } from '../events/publish-home.ts';

const clickSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  actions: z.array(z.object({ action_id: z.string(), value: z.string() })).min(1),
  response_url: z.string().optional(),
});

type Respond = (message: Record<string, unknown>) => Promise<unknown>;

interface FollowUpClickArgs {
  ack: () => Promise<void>;
  body: unknown;
  respond?: Respond;
}

/**
 * Done / Reopen beside a follow-up (a `/incident followups` list or App Home): marks it here and in
 * OpsCenter, then redraws the list it was clicked in (the list message in place, or the Home tab),
 * saying what changed. Needs `permissions.triage` on the follow-up's incident.
 */
export async function handleFollowUpButton(deps: SlackHandlerDeps, args: FollowUpClickArgs): Promise<void> {
  await args.ack();
  const tell = async (text: string, blocks?: unknown[]) => {
    if (!args.respond) return;
    await args
      .respond({
        response_type: 'ephemeral',
        replace_original: blocks !== undefined,
        text,
        ...(blocks ? { blocks } : {}),
      })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not answer a follow-up click'));
  };
  const parsed = clickSchema.safeParse(args.body);
  const action = parsed.success ? parsed.data.actions[0] : undefined;
  const [id, scopeText] = (action?.value ?? '').split('|');
  const scope = readScope(scopeText ?? '');
  if (!parsed.success || !action || !id || !scope) {
    deps.logger.warn('follow-up click of an unexpected shape');
    return tell('warroom could not read that click; try `/incident followups` again.');
  }
  const userId = parsed.data.user.id;
  const followUp = await deps.store.followUps.get(id);
  const incident = followUp && (await deps.store.getIncident(followUp.seq));
  if (!followUp || !incident) return tell('That follow-up no longer exists.');
  const denial = await deps.permissions.refusal('triage', userId, incident);
  if (denial) return tell(deniedText(denial));
  const status = action.action_id === ACTION_IDS.followUpDone ? 'done' : 'open';
  const changed = await deps.followUps.setStatus(id, status, userId);
  if (!changed) return tell('That follow-up no longer exists.');
  const region = deps.config.aws.region;
  const said = statusText(changed.followUp, changed.opsCenter, region);
  if (scope.kind === 'home') {
    await publishHome(deps, userId);
    return tell(said);
  }
  const list = buildFollowUpList(await deps.followUps.list(scope, userId), scope, deps.clock.now(), region);
  await tell(said, [{ type: 'context', elements: [{ type: 'mrkdwn', text: said }] }, ...list.blocks]);
}

export function registerFollowUpButtons(app: App, deps: SlackHandlerDeps): void {
  for (const actionId of [ACTION_IDS.followUpDone, ACTION_IDS.followUpReopen]) {
    app.action<BlockAction>(actionId, ({ ack, body, respond }) =>
      handleFollowUpButton(deps, { ack, body, respond: respond as Respond | undefined }),
    );
  }
}
