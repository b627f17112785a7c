import { webApi } from '@slack/bolt';
import { BotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';

export type WebClient = InstanceType<typeof webApi.WebClient>;

export interface SlackGatewayOptions {
  client: WebClient;
  metrics: Metrics;
  logger: Logger;
  /** How long to wait; injected so tests of the retry loop need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  maxRateLimitRetries?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * How every Slack Web API call warroom makes is sent: one queue per channel so a burst keeps
 * Slack's one-message-per-second-per-channel pace, 429s honoured by waiting `Retry-After` (the
 * client is built with rejectRateLimitedCalls so the wait is ours and counted), and Slack errors
 * turned into coded BotErrors.
 */
export class SlackApiCaller {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;

  constructor(protected readonly options: SlackGatewayOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.maxRetries = options.maxRateLimitRetries ?? 8;
  }

  protected call<T>(
    method: string,
    channel: string | undefined,
    fn: (client: WebClient) => Promise<T>,
  ): Promise<T> {
    const run = () => this.callWithRetries(method, fn);
    if (!channel) return run();
    const previous = this.queues.get(channel) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.queues.set(channel, settled);
    void settled.then(() => {
      if (this.queues.get(channel) === settled) this.queues.delete(channel);
    });
    return next;
  }

  private async callWithRetries<T>(method: string, fn: (client: WebClient) => Promise<T>): Promise<T> {
    const { metrics, logger, client } = this.options;
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await fn(client);
        metrics.slackCalls.inc({ method, outcome: 'ok' });
        return result;
      } catch (error) {
        const coded = error as {
          code?: string;
          retryAfter?: number;
          data?: { error?: string; needed?: string };
        };
        if (coded.code === webApi.ErrorCode.RateLimitedError && attempt < this.maxRetries) {
          metrics.slackRateLimited.inc({ method });
          const waitSeconds = Math.max(1, coded.retryAfter ?? 1);
          logger.warn(
            { method, retryAfterSeconds: waitSeconds },
            'Slack rate limit: waiting before retrying',
          );
          await this.sleep(waitSeconds * 1000);
          continue;
        }
        metrics.slackCalls.inc({ method, outcome: 'error' });
        const slackError = coded.data?.error ?? coded.code ?? 'request_failed';
        // Slack names the scope it wanted; saying it turns a dead end into a one-line fix.
        const needed =
          slackError === 'missing_scope' && coded.data?.needed
            ? ` (needs ${coded.data.needed}: add it to the app's scopes and reinstall it)`
            : '';
        throw new BotError(
          `SLACK.${slackError.toUpperCase()}`,
          `Slack refused ${method}: ${slackError}${needed}.`,
          { cause: error },
        );
      }
    }
  }
}
