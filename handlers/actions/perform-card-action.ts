import type { TriageAction, TriageResult } from '../../src/incidents/index.ts';
import { triageReplyText } from '../../src/incidents/index.ts';
import type { CardActionDeps, CardClick, CardClickArgs } from './card-click.ts';
import { tellClicker } from './tell-clicker.ts';

/**
 * One click, one request: Slack sends the same `action_ts` when it delivers the same click again
 * (a retry), so the store answers 'duplicate' instead of applying it a second time, even if
 * someone changed the incident in between. Distinct clicks (double clicks, two replicas of the
 * card) have distinct action_ts and are serialised by the store's transition instead.
 */
export function clickDedupeKey(click: CardClick): string | undefined {
  return click.actionTs ? `slack-click:${click.actionId}:${click.userId}:${click.actionTs}` : undefined;
}

/**
 * What the clicker is told. A change needs no words: the card updates in front of them. A
 * duplicate is a redelivery of a click that was already answered. Everything else (a stale card,
 * a refusal, a missing incident) is said.
 */
export function clickReplyText(result: TriageResult): string | undefined {
  if (result.kind === 'changed' || result.kind === 'duplicate') return undefined;
  return triageReplyText(result);
}

/** Applies a card click through Triage and tells the clicker when it was not a plain success. */
export async function performCardAction(
  deps: CardActionDeps,
  args: CardClickArgs,
  click: CardClick,
  action: TriageAction,
): Promise<void> {
  const result = await deps.triage.perform(
    click.ref.seq,
    action,
    { userId: click.userId },
    clickDedupeKey(click),
  );
  // The card's version beside the outcome shows, in the log, which refusals came from stale cards.
  deps.logger.info(
    {
      seq: click.ref.seq,
      action: action.kind,
      outcome: result.kind,
      cardVersion: click.ref.v,
      retryNum: args.context.retryNum,
    },
    'card action',
  );
  const text = clickReplyText(result);
  if (text) await tellClicker(deps, args, click, text);
}
