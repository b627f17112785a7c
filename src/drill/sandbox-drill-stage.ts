import { webApi } from '@slack/bolt';
import type { WarroomAdapters } from '../app.ts';
import type { Logger } from '../logger.ts';
import { Metrics } from '../metrics.ts';
import { SANDBOX_BOT_TOKEN, startSandbox } from '../sandbox/run-sandbox.ts';
import { SANDBOX_ALERT_CHANNEL } from '../sandbox/sandbox-account.ts';
import { DrillSlackGateway } from '../slack/drill-slack-gateway.ts';
import type { DrillStage } from './slack-drill-stage.ts';

export interface SandboxStageOptions {
  adapters: WarroomAdapters;
  scenarioFiles?: string[];
  write: (text: string) => void;
  logger: Logger;
}

/** A drill in the sandbox: the local Slack stands in for the channel, printed as `npm run sandbox` does. */
export async function startSandboxDrillStage(options: SandboxStageOptions): Promise<DrillStage> {
  const sandbox = await startSandbox({
    adapters: options.adapters,
    port: 0,
    write: options.write,
    scenarioFiles: options.scenarioFiles,
    drill: true,
  });
  const client = new webApi.WebClient(SANDBOX_BOT_TOKEN, {
    slackApiUrl: sandbox.slack.apiUrl,
    rejectRateLimitedCalls: true,
  });
  return {
    aws: sandbox.aws,
    warroom: sandbox.warroom,
    channel: SANDBOX_ALERT_CHANNEL,
    slack: new DrillSlackGateway({ client, metrics: new Metrics(), logger: options.logger }),
    publish: sandbox.publish,
    stop: () => sandbox.stop(),
  };
}
