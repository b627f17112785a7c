import { webApi } from '@slack/bolt';
import { BotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { abortablePause } from '../work/abortable-pause.ts';
import { readCallPriority, UNTIED_CALL_RANK } from './call-priority.ts';
import { type Delivery, readDelivery } from './slack-delivery.ts';
import { type PaceTicket, SlackPacer } from './slack-pacer.ts';

export type WebClient = InstanceType<typeof webApi.WebClient>;

export interface SlackGatewayOptions {
  client: WebClient;
  metrics: Metrics;
  logger: Logger;
  /** How a retry's backoff waits (ends early when `stopping` aborts); injected so tests need not sleep. */
  sleep?: (ms: number, stopping?: AbortSignal) => Promise<void>;
  /**
   * Aborted when warroom starts stopping: a failed call is then not sent again and a backoff ends,
   * so the work fails now and stays in the store for the next start instead of eating the grace.
   */
  stopping?: AbortSignal;
  /** Holds calls under Slack's limits (default: a pacer on real time and Slack's limits). */
  pacer?: SlackPacer;
  maxRateLimitRetries?: number;
}

/**
 * The Web API client every gateway call goes through. It never retries by itself (its default
 * retries a 5xx or a dropped connection, which after chat.postMessage posts the same card again):
 * SlackApiCaller decides what is safe to send again.
 */
export function createSlackWebClient(token: string, slackApiUrl: string): WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}

/**
 * Methods that create something each time they are carried out. After an answer that leaves it
 * unknown whether Slack did it (a 5xx, a dropped connection, `internal_error`), they are not sent
 * again: the caller gets SLACK.UNCONFIRMED and looks for what it posted (message metadata).
 */
const CREATES = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.scheduleMessage',
  'files.completeUploadExternal',
  'conversations.create',
  'canvases.create',
  'conversations.canvases.create',
  'views.open',
  'views.push',
]);

/** Retries of a failure that may be sent again, with backoff (what the client used to do itself). */
const MAX_TRANSIENT_RETRIES = 3;
const backoffMs = (attempt: number) => Math.min(2000, 200 * 2 ** attempt);

/** Thrown when Slack may have carried out a call that creates something: look before doing it again. */
export const SLACK_UNCONFIRMED = 'SLACK.UNCONFIRMED';

/**
 * How every Slack Web API call warroom makes is sent: paced under Slack's limits before it goes
 * (SlackPacer: the more severe incident's calls first), in order with the earlier calls for the same
 * incident in the same channel (so a message's updates never overtake each other), 429s that still
 * come honoured by holding that limit for `Retry-After` (the client is built with
 * rejectRateLimitedCalls so the wait is ours and counted), failures that cannot have been carried
 * out (or carried out twice to no harm) retried with backoff, a lost answer to a call that creates
 * something turned into SLACK.UNCONFIRMED, and Slack errors turned into coded BotErrors.
 */
export class SlackApiCaller {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly sleep: (ms: number, stopping?: AbortSignal) => Promise<void>;
  private readonly maxRetries: number;
  private readonly pacer: SlackPacer;

  constructor(protected readonly options: SlackGatewayOptions) {
    this.sleep = options.sleep ?? abortablePause;
    this.maxRetries = options.maxRateLimitRetries ?? 8;
    this.pacer = options.pacer ?? new SlackPacer();
  }

  protected call<T>(
    method: string,
    channel: string | undefined,
    fn: (client: WebClient) => Promise<T>,
  ): Promise<T> {
    const priority = readCallPriority();
    const ticket = this.pacer.ticket(priority?.impact ?? UNTIED_CALL_RANK);
    const run = () => this.callWithRetries(method, channel, ticket, fn);
    if (!channel) return run();
    // One line per incident in a channel: its calls keep their order, other incidents' may pass.
    const lane = priority ? `${channel}#${priority.seq}` : channel;
    const previous = this.queues.get(lane) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.queues.set(lane, settled);
    void settled.then(() => {
      if (this.queues.get(lane) === settled) this.queues.delete(lane);
    });
    return next;
  }

  private async callWithRetries<T>(
    method: string,
    channel: string | undefined,
    ticket: PaceTicket,
    fn: (client: WebClient) => Promise<T>,
  ): Promise<T> {
    const { metrics, logger, client } = this.options;
    let rateLimited = 0;
    let transient = 0;
    for (;;) {
      await this.pacer.wait(method, channel, ticket);
      try {
        const result = await fn(client);
        metrics.slackCalls.inc({ method, outcome: 'ok' });
        return result;
      } catch (error) {
        const delivery = readDelivery(error);
        const stopping = this.options.stopping?.aborted === true;
        if (!stopping && delivery.kind === 'rate-limited' && rateLimited < this.maxRetries) {
          rateLimited += 1;
          metrics.slackRateLimited.inc({ method });
          const waitSeconds = Math.max(1, delivery.retryAfterSeconds);
          logger.warn(
            { method, retryAfterSeconds: waitSeconds },
            'Slack rate limit: waiting before retrying',
          );
          // The pacer waits it out, and holds every other call against that limit meanwhile.
          this.pacer.holdOff(method, channel, waitSeconds * 1000);
          continue;
        }
        const unsure = delivery.kind === 'unknown';
        if (
          !stopping &&
          (delivery.kind === 'not-sent' || (unsure && !CREATES.has(method))) &&
          transient < MAX_TRANSIENT_RETRIES
        ) {
          logger.warn(
            { method, failure: delivery.reason, attempt: transient + 1 },
            'Slack call failed; retrying',
          );
          await this.sleep(backoffMs(transient), this.options.stopping);
          transient += 1;
          // Stopping began during the backoff: this failure is the answer.
          if (!this.options.stopping?.aborted) continue;
        }
        metrics.slackCalls.inc({ method, outcome: 'error' });
        throw toSlackBotError(method, delivery, error);
      }
    }
  }
}

function toSlackBotError(method: string, delivery: Delivery, error: unknown): BotError {
  if (delivery.kind === 'unknown' && CREATES.has(method)) {
    return new BotError(SLACK_UNCONFIRMED, `Slack did not confirm ${method}; it may have gone through.`, {
      cause: error,
      detail: delivery.reason,
    });
  }
  const coded = error as { code?: string; data?: { error?: string; needed?: string } };
  const slackError = coded.data?.error ?? coded.code ?? 'request_failed';
  // Slack names the scope it wanted; saying it turns a dead end into a one-line fix.
  const needed =
    slackError === 'missing_scope' && coded.data?.needed
      ? ` (needs ${coded.data.needed}: add it to the app's scopes and reinstall it)`
      : '';
  return new BotError(
    `SLACK.${slackError.toUpperCase()}`,
    `Slack refused ${method}: ${slackError}${needed}.`,
    {
      cause: error,
    },
  );
}
