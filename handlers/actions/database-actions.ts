import type { App, BlockAction } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { handleCheckDatabaseButton } from './check-database-button.ts';
import { handleDatabaseMenu } from './database-menu.ts';
import { handleRemediationButton } from './remediation-button.ts';
import { handleTakeSnapshotButton } from './take-snapshot-button.ts';

/** The card's Database menu (and Check snapshot), Take snapshot, and the check's Run buttons. */
export function registerDatabaseActions(app: App, deps: SlackHandlerDeps): void {
  app.action<BlockAction>(ACTION_IDS.databaseMenu, (args) => handleDatabaseMenu(deps, args));
  app.action<BlockAction>(ACTION_IDS.checkDatabase, (args) => handleCheckDatabaseButton(deps, args));
  app.action<BlockAction>(ACTION_IDS.takeSnapshot, (args) => handleTakeSnapshotButton(deps, args));
  app.action<BlockAction>(ACTION_IDS.runRemediation, (args) => handleRemediationButton(deps, args));
}
