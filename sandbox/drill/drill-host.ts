import type { RunningWarroom } from '../../src/app.ts';
import type { Clock } from '../../src/clock.ts';
import { DrillSlackGateway } from '../../src/drill/index.ts';
import { BotError, isBotError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { Metrics } from '../../src/metrics.ts';
import { createSlackWebClient } from '../../src/slack/slack-api-caller.ts';
import type { AwsEmulator } from '../aws/aws-emulator.ts';
import { SANDBOX_ACCOUNT_ID, SANDBOX_REGION, SANDBOX_TOPIC_ARN } from '../sandbox-account.ts';
import type { DrillHost } from './drill-session.ts';

/** What a drill needs from the place it runs: warroom, the AWS emulator, a channel to post in. */
export interface DrillPlace {
  aws: AwsEmulator;
  warroom: RunningWarroom;
  channel: string;
  slack: DrillSlackGateway;
  publish(message: string, subject?: string): Promise<number>;
}

/** Posts as warroom's bot; a refusal says which channel and the usual reason (the bot is not in it). */
export async function postDrillMessage(
  place: Pick<DrillPlace, 'slack' | 'channel'>,
  message: Parameters<DrillHost['post']>[0],
  what: string,
): Promise<void> {
  try {
    await place.slack.postMessage({ channel: place.channel, ...message });
  } catch (error) {
    const reason = isBotError(error) ? error.message : String(error);
    throw new BotError(
      'DRILL.POST_REFUSED',
      `Slack refused ${what} in ${place.channel} (${reason}). Is the channel id right, and is warroom's bot a member of it (/invite @warroom)?`,
      { cause: error },
    );
  }
}

/** A drill session's host in that place: the store, the channel, and the emulated account's steps. */
export function drillHostIn(
  place: DrillPlace,
  options: { channelLabel: string; write: (text: string) => void; clock: Clock },
): DrillHost {
  return {
    store: place.warroom.store,
    channelLabel: options.channelLabel,
    post: (message, what) => postDrillMessage(place, message, what),
    steps: {
      aws: place.aws.state,
      context: { accountId: SANDBOX_ACCOUNT_ID, region: SANDBOX_REGION, topicArn: SANDBOX_TOPIC_ARN },
      publish: (message, subject) => place.publish(message, subject),
      settled: () => place.warroom.settled(),
      write: options.write,
      clock: options.clock,
    },
  };
}

/** warroom's bot in the local Slack, marking what it posts DRILL (the briefing and the debrief). */
export function localDrillGateway(slackApiUrl: string, botToken: string, logger: Logger): DrillSlackGateway {
  const client = createSlackWebClient(botToken, slackApiUrl);
  return new DrillSlackGateway({ client, metrics: new Metrics(), logger });
}
