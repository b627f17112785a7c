import { BotError, isBotError } from '../errors.ts';

export interface BotIdentity {
  botUserId: string;
  botId: string;
  teamId: string;
}

/** Slack's answers that mean the token itself is wrong: no retry fixes them. */
const REFUSED_TOKEN = new Set([
  'SLACK.INVALID_AUTH',
  'SLACK.NOT_AUTHED',
  'SLACK.TOKEN_REVOKED',
  'SLACK.TOKEN_EXPIRED',
  'SLACK.ACCOUNT_INACTIVE',
]);

export function isRefusedToken(error: unknown): boolean {
  return isBotError(error) && REFUSED_TOKEN.has(error.code);
}

/**
 * Who the bot is, from auth.test, for Bolt's `authorize`. Bolt's own token check runs auth.test
 * in its constructor and leaves a rejected promise nobody awaits: a revoked token, or Slack being
 * unreachable for a moment at start-up, crashed the process with a stack trace. Here a refused
 * token is a coded start-up error, and any other failure is retried on the next request (only a
 * success is kept).
 */
export class BotAuthorization {
  private identity: Promise<BotIdentity> | undefined;
  /** Whether Slack has answered auth.test for this token (readiness). */
  connected = false;

  constructor(
    private readonly botToken: string,
    private readonly authTest: () => Promise<BotIdentity>,
  ) {}

  /** The start-up check: throws SLACK.BOT_TOKEN_REFUSED for a token Slack refuses; else resolves. */
  async verify(): Promise<BotIdentity | undefined> {
    try {
      return await this.identify();
    } catch (error) {
      if (!isRefusedToken(error)) return undefined;
      const reason = isBotError(error) ? error.code.replace('SLACK.', '').toLowerCase() : 'refused';
      throw new BotError(
        'SLACK.BOT_TOKEN_REFUSED',
        `Slack refused SLACK_BOT_TOKEN (${reason}): use the app's Bot User OAuth Token (xoxb-…, OAuth & Permissions page); after a reinstall or a revocation, store the new one.`,
        { cause: error },
      );
    }
  }

  /** Bolt's `authorize`: the token and the bot's ids, looked up once. */
  readonly authorize = async (): Promise<{ botToken: string; botUserId: string; botId: string }> => {
    const { botUserId, botId } = await this.identify();
    return { botToken: this.botToken, botUserId, botId };
  };

  /** auth.test once it succeeds; a failed attempt is forgotten, so the next call asks again. */
  identify(): Promise<BotIdentity> {
    if (!this.identity) {
      const attempt = this.authTest();
      this.identity = attempt;
      attempt.then(
        () => {
          this.connected = true;
        },
        () => {
          if (this.identity === attempt) this.identity = undefined;
        },
      );
    }
    return this.identity;
  }
}
