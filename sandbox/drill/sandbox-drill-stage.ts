import type { WarroomAdapters } from '../../src/app.ts';
import { BotError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { SANDBOX_BOT_TOKEN, SANDBOX_SIGNING_SECRET, startSandbox } from '../run-sandbox.ts';
import { SANDBOX_ALERT_CHANNEL } from '../sandbox-account.ts';
import { startWorkspaceUi } from '../workspace/start-workspace-ui.ts';
import { localDrillGateway } from './drill-host.ts';
import type { DrillStage } from './slack-drill-stage.ts';

export interface SandboxStageOptions {
  adapters: WarroomAdapters;
  scenarioFiles?: string[];
  write: (text: string) => void;
  logger: Logger;
  /** The local workspace's port (0 picks a free one). */
  uiPort: number;
}

/**
 * A drill in the sandbox: the local Slack stands in for the channel, printed as `npm run sandbox`
 * does, and shown in a browser by the same workspace UI, where the team works the cards.
 */
export async function startSandboxDrillStage(options: SandboxStageOptions): Promise<DrillStage> {
  const sandbox = await startSandbox({
    adapters: options.adapters,
    port: 0,
    write: options.write,
    scenarioFiles: options.scenarioFiles,
    drill: true,
  });
  const ui = await startWorkspaceUi({
    sandbox,
    signingSecret: SANDBOX_SIGNING_SECRET,
    port: options.uiPort,
    scenarioFiles: options.scenarioFiles,
    write: options.write,
    logger: options.logger,
  }).catch(async (error: unknown) => {
    await sandbox.stop();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new BotError(
        'DRILL.UI_PORT',
        `Port ${options.uiPort} is taken (a sandbox already running?): stop it, or set SANDBOX_UI_PORT to a free port (0 picks one).`,
        { cause: error },
      );
    }
    throw error;
  });
  return {
    aws: sandbox.aws,
    warroom: sandbox.warroom,
    channel: SANDBOX_ALERT_CHANNEL,
    slack: localDrillGateway(sandbox.slack.apiUrl, SANDBOX_BOT_TOKEN, options.logger),
    publish: sandbox.publish,
    workspace: { url: ui.url, showDrill: (session) => ui.showDrill(session) },
    async stop() {
      await ui.close();
      await sandbox.stop();
    },
  };
}
