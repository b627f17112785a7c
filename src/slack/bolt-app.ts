import { type App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../config/config.ts';
import { BotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { toBoltLogger } from './bolt-logger.ts';
import type { BotAuthorization } from './bot-authorization.ts';
import { GuardedApp, type PayloadGuard } from './payload/guarded-app.ts';

export interface BoltSetup {
  app: App;
  /** In HTTP mode, the listener for POST /slack/events; undefined in Socket Mode. */
  requestListener?: HTTPReceiver['requestListener'];
  socketMode: boolean;
  /** Socket Mode: connects and resolves on Slack's hello. HTTP mode: nothing to do. */
  start(): Promise<void>;
  /**
   * Socket Mode: resolves once the socket is closed (Bolt's own `app.stop()` only starts the close,
   * leaving a socket open after shutdown). HTTP mode: nothing to do.
   */
  stop(): Promise<void>;
}

/**
 * The Bolt app. HTTP mode: Bolt verifies Slack's signature and acks; our own server routes
 * /slack/events to it, because the same port also serves /sns and health. Socket Mode (an app
 * token is set): events arrive over the socket and the HTTP server still serves /sns and health.
 * Either way every payload passes the same check before Bolt reads it (GuardedApp).
 */
export function createBoltApp(
  config: Config,
  logger: Logger,
  authorization: Pick<BotAuthorization, 'authorize'>,
  guard: PayloadGuard,
): BoltSetup {
  const boltLogger = toBoltLogger(logger);
  const authorize = authorization.authorize;
  const clientOptions = { slackApiUrl: config.slack.apiUrl };
  if (config.slack.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger: boltLogger,
      // A copy: the Socket Mode client writes its own retry policy into the options it is given.
      installerOptions: { clientOptions: { ...clientOptions } },
    });
    const app = new GuardedApp({ authorize, receiver, logger: boltLogger, clientOptions }, guard);
    return {
      app,
      socketMode: true,
      start: async () => {
        try {
          await app.start();
        } catch (error) {
          throw appTokenProblem(error);
        }
      },
      stop: () => receiver.client.disconnect(),
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.slack.signingSecret as string,
    endpoints: '/slack/events',
    // Ack first, then work: a listener's ack() answers Slack before any AWS or store call.
    processBeforeResponse: false,
    logger: boltLogger,
  });
  const app = new GuardedApp({ authorize, receiver, logger: boltLogger, clientOptions }, guard);
  return {
    app,
    requestListener: receiver.requestListener,
    socketMode: false,
    start: async () => {},
    stop: async () => {},
  };
}

/** apps.connections.open refusing the app-level token is a set-up mistake: say which and how to fix it. */
function appTokenProblem(error: unknown): unknown {
  const reason = (error as { data?: { error?: unknown } }).data?.error;
  if (typeof reason !== 'string' || !REFUSED_APP_TOKEN.has(reason)) return error;
  return new BotError(
    'SLACK.APP_TOKEN_REFUSED',
    `Slack refused SLACK_APP_TOKEN (${reason}): use an app-level token (xapp-…) with the connections:write scope, from the app's Basic Information page, and turn Socket Mode on.`,
    { cause: error },
  );
}

const REFUSED_APP_TOKEN = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'not_allowed_token_type']);
