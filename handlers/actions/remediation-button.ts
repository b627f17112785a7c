import type { CardClickArgs } from './card-click.ts';
import { parseRemediationClick } from './database-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { openRunbookModal } from './open-runbook-modal.ts';
import type { RunbookActionDeps } from './runbook-deps.ts';

/**
 * "Run <runbook>" beside a ✗ of the database check: the Run runbook modal with that runbook
 * chosen. The runbook flow checks `runbook`, the incident and the catalog, as for the card's button.
 */
export function handleRemediationButton(deps: RunbookActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseRemediationClick, (click) =>
    openRunbookModal(deps, args, click, click.runbookId),
  );
}
