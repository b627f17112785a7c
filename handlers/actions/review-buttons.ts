import type { App, BlockAction } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { PERMISSION_FOR } from '../../src/incidents/index.ts';
import { completeReplyText, reviewReplyText } from '../../src/reviews/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { permittedIncident } from './permitted-incident.ts';
import { tellClicker } from './tell-clicker.ts';

type ReviewDeps = CardActionDeps & Pick<SlackHandlerDeps, 'reviews'>;

/**
 * Review, on the resolved card: drafts the review, or regenerates it until it is complete. A second
 * click while the first drafts is told so (the review's claim makes one canvas). Needs `resolve`.
 */
export function handleReviewButton(deps: ReviewDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    const incident = await permittedIncident(deps, args, click, PERMISSION_FOR.resolve);
    if (!incident) return;
    await tellClicker(
      deps,
      args,
      click,
      reviewReplyText(incident.seq, await deps.reviews.write(incident.seq)),
    );
  });
}

/** Mark review complete, in the review's thread message: freezes it; the card says who. */
export function handleCompleteReviewButton(deps: ReviewDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    const incident = await permittedIncident(deps, args, click, PERMISSION_FOR.resolve);
    if (!incident) return;
    await tellClicker(
      deps,
      args,
      click,
      completeReplyText(incident.seq, await deps.reviews.complete(incident.seq, click.userId)),
    );
  });
}

export function registerReviewButtons(app: App, deps: ReviewDeps): void {
  app.action<BlockAction>(ACTION_IDS.review, (args) => handleReviewButton(deps, args));
  app.action<BlockAction>(ACTION_IDS.completeReview, (args) => handleCompleteReviewButton(deps, args));
}
