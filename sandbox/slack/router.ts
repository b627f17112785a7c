import type { Clock } from '../../src/clock.ts';
import { SlackApiError } from './api-error.ts';
import type { MethodContext, MethodHandler } from './method-context.ts';
import { APP_TOKEN_METHODS, appMethods } from './methods/app-methods.ts';
import { canvasMethods } from './methods/canvas-methods.ts';
import { chatMethods } from './methods/chat-methods.ts';
import { conversationMethods } from './methods/conversation-methods.ts';
import { fileMethods } from './methods/file-methods.ts';
import { historyMethods } from './methods/history-methods.ts';
import { reactionMethods } from './methods/reaction-methods.ts';
import { userMethods } from './methods/user-methods.ts';
import { viewMethods } from './methods/view-methods.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { RequestArgs } from './request-args.ts';
import type { SlackState } from './slack-state.ts';
import type { CallArgs, JsonObject, RecordedCall } from './types.ts';

/** Every Web API method the local Slack answers; anything else is `unknown_method`. */
export const METHODS: Record<string, MethodHandler> = {
  ...userMethods,
  ...chatMethods,
  ...conversationMethods,
  ...historyMethods,
  ...viewMethods,
  ...reactionMethods,
  ...fileMethods,
  ...canvasMethods,
  ...appMethods,
};

export interface RouterDeps {
  state: SlackState;
  clock: Clock;
  limiter?: RateLimiter;
  /** Bot tokens (xoxb-). */
  tokens: ReadonlySet<string>;
  /** App-level tokens (xapp-): apps.connections.open only. */
  appTokens: ReadonlySet<string>;
  scopes: ReadonlySet<string>;
  baseUrl: string;
  socketTickets: MethodContext['socketTickets'];
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  call: RecordedCall;
}

const JSON_ARGS = [
  'blocks',
  'attachments',
  'metadata',
  'view',
  'files',
  'document_content',
  'changes',
  'channel_ids',
  'user_ids',
];

/**
 * Answers one call in Slack's order: request format, method, token (`not_authed` /
 * `invalid_auth` / `not_allowed_token_type`), rate limit (HTTP 429 + Retry-After), then the method's own checks.
 */
export function answerCall(
  deps: RouterDeps,
  method: string,
  request: RequestArgs | SlackApiError,
): ApiAnswer {
  const args = request instanceof SlackApiError ? {} : request.args;
  const headers: Record<string, string> = { 'x-oauth-scopes': [...deps.scopes].join(',') };
  let status = 200;
  let body: JsonObject;
  try {
    if (request instanceof SlackApiError) throw request;
    const handler = METHODS[method];
    if (!handler) throw new SlackApiError('unknown_method', { req_method: method });
    if (!request.token) throw new SlackApiError('not_authed');
    checkTokenType(deps, method, request.token);
    const decision = deps.limiter?.take(method, withChannelId(deps.state, args)) ?? { allowed: true };
    if (!decision.allowed) {
      status = 429;
      headers['retry-after'] = String(decision.retryAfterSeconds);
      throw new SlackApiError('ratelimited');
    }
    const context = {
      args,
      state: deps.state,
      workspace: deps.state.workspace,
      clock: deps.clock,
      scopes: deps.scopes,
      baseUrl: deps.baseUrl,
      socketTickets: deps.socketTickets,
    };
    body = { ok: true, ...handler(context) };
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    body = error.toBody();
  }
  const call: RecordedCall = {
    method,
    args: readableArgs(args),
    ok: body['ok'] === true,
    status,
    at: deps.clock.now(),
    response: body,
  };
  if (typeof body['error'] === 'string') call.error = body['error'];
  return { status, headers, call };
}

/** An unknown token is `invalid_auth`; a known one of the wrong kind (bot vs app-level) `not_allowed_token_type`. */
function checkTokenType(deps: RouterDeps, method: string, token: string): void {
  const isApp = deps.appTokens.has(token);
  if (!isApp && !deps.tokens.has(token)) throw new SlackApiError('invalid_auth');
  if (isApp !== APP_TOKEN_METHODS.has(method)) throw new SlackApiError('not_allowed_token_type');
}

/** `channel` given by name ("#alerts") counts against the same per-channel bucket as its id. */
function withChannelId(state: SlackState, args: CallArgs): CallArgs {
  const channel = args['channel'];
  if (typeof channel !== 'string' || state.channels.has(channel)) return args;
  const byName = state.findChannelByName(channel.replace(/^#/, ''));
  return byName ? { ...args, channel: byName.id } : args;
}

/** Arguments as tests want to read them: JSON-carrying fields parsed when they parse. */
function readableArgs(args: CallArgs): CallArgs {
  const readable: CallArgs = { ...args };
  for (const key of JSON_ARGS) {
    const value = readable[key];
    if (typeof value !== 'string') continue;
    try {
      readable[key] = JSON.parse(value) as unknown;
    } catch {
      // Left as sent: the method already answered with the format error.
    }
  }
  return readable;
}
