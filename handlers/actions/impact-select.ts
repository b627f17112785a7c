import type { App, BlockAction } from '@slack/bolt';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseImpactSelect } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { performCardAction } from './perform-card-action.ts';

/**
 * The card's impact menu (1 Critical … 5 No impact). A person's choice sticks: signals no longer
 * raise the impact, and Incident Manager is told (UpdateIncidentRecord) after the ack.
 */
export function handleImpactSelect(deps: CardActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseImpactSelect, (click) =>
    performCardAction(deps, args, click, { kind: 'impact', impact: click.impact }),
  );
}

export function registerImpactSelect(app: App, deps: CardActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.impactSelect, (args) => handleImpactSelect(deps, args));
}
