import { type Logger, LogLevel, WebAPIPlatformError, WebClient } from '@slack/web-api';
import {
  type SlackEmulator,
  type SlackEmulatorOptions,
  startSlackEmulator,
} from '../../../sandbox/slack/slack-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';

export const BOT_TOKEN = 'xoxb-test-token';

export interface FakeSlack {
  emulator: SlackEmulator;
  client: WebClient;
  clock: ManualClock;
}

/** The emulator on an ephemeral port, a ManualClock, and a real WebClient that never retries. */
export async function startFakeSlack(options: Partial<SlackEmulatorOptions> = {}): Promise<FakeSlack> {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  const emulator = await startSlackEmulator({ botToken: BOT_TOKEN, clock, ...options });
  return { emulator, client: createClient(emulator, BOT_TOKEN), clock };
}

export function createClient(emulator: SlackEmulator, token: string | undefined): WebClient {
  return new WebClient(token, {
    slackApiUrl: emulator.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: silentLogger,
  });
}

/** WebClient logs Slack's `[ERROR]` response messages; the tests assert on them instead. */
const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** The Slack error body of a call that must fail (fails the test if the call succeeds). */
export async function slackError(call: Promise<unknown>): Promise<WebAPIPlatformError['data']> {
  try {
    await call;
  } catch (error) {
    if (error instanceof WebAPIPlatformError) return error.data;
    throw error;
  }
  throw new Error('expected the Slack call to fail, but it succeeded');
}
