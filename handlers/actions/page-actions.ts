import type { App, BlockAction } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { incidentId, snoozeReplyText, triageReplyText } from '../../src/incidents/index.ts';
import { pageReplyText, SNOOZE_BUTTON_MINUTES } from '../../src/paging/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { clickDedupeKey } from './perform-card-action.ts';
import { permittedIncident } from './permitted-incident.ts';
import { tellClicker } from './tell-clicker.ts';

export type PageActionDeps = CardActionDeps & Pick<SlackHandlerDeps, 'escalation'>;

/** "Take it" on a page's DM: acknowledge (when open) and own the incident, through Triage. */
export function handleTakeItButton(deps: CardActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    const result = await deps.triage.perform(
      click.ref.seq,
      { kind: 'take' },
      { userId: click.userId },
      clickDedupeKey(click),
    );
    deps.logger.info({ seq: click.ref.seq, action: 'take', outcome: result.kind }, 'page action');
    if (result.kind === 'duplicate') return;
    const text =
      result.kind === 'changed'
        ? `You own ${incidentId(click.ref.seq)} now; the escalation has stopped.`
        : triageReplyText(result);
    await tellClicker(deps, args, click, text);
  });
}

/** "Snooze 30 min" on a page's DM: as `/incident snooze <id> 30m` (a member's is its storm's). */
export function handleSnoozeButton(deps: CardActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    const result = await deps.triage.perform(
      click.ref.seq,
      { kind: 'snooze', forMs: SNOOZE_BUTTON_MINUTES * 60_000 },
      { userId: click.userId },
      clickDedupeKey(click),
    );
    deps.logger.info({ seq: click.ref.seq, action: 'snooze', outcome: result.kind }, 'page action');
    if (result.kind === 'duplicate') return;
    await tellClicker(deps, args, click, snoozeReplyText(click.ref.seq, result));
  });
}

/** "Page on-call" on the card: pings the first stage of the incident's policy (`permissions.page`). */
export function handlePageOnCallButton(deps: PageActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    const incident = await permittedIncident(deps, args, click, 'page');
    if (!incident) return;
    const targets = deps.escalation.onCallFor(incident);
    if (!targets) {
      const id = incidentId(incident.seq);
      await tellClicker(
        deps,
        args,
        click,
        `No escalation policy applies to ${id}; use \`/incident page ${id} @person\`.`,
      );
      return;
    }
    const key = clickDedupeKey(click) ?? `page-click:${click.triggerId}`;
    const outcome = await deps.escalation.page(incident.seq, targets, click.userId, key);
    await tellClicker(deps, args, click, pageReplyText(incident.seq, outcome));
  });
}

export function registerPageActions(app: App, deps: PageActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.takeIncident, (args) => handleTakeItButton(deps, args));
  app.action<BlockAction>(ACTION_IDS.snoozeIncident, (args) => handleSnoozeButton(deps, args));
  app.action<BlockAction>(ACTION_IDS.pageOnCall, (args) => handlePageOnCallButton(deps, args));
}
