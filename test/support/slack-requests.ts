import { createHmac, randomUUID } from 'node:crypto';
import { TEST_SIGNING_SECRET } from './warroom-harness.ts';

/** Signs a body as Slack does: v0=HMAC-SHA256(secret, "v0:<ts>:<body>"). */
export function slackSignature(body: string, timestamp: number, secret = TEST_SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequestOptions {
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

/** POSTs a correctly signed request to warroom's /slack/events, as Slack would. */
export async function postSigned(
  baseUrl: string,
  body: string,
  contentType: string,
  options: SignedRequestOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

export interface SlashCommandInput {
  text: string;
  userId?: string;
  channelId?: string;
  responseUrl: string;
  triggerId?: string;
}

/** A /incident slash command, shaped like test/fixtures/slack/slack-slash-command.json. */
export function sendSlashCommand(baseUrl: string, input: SlashCommandInput, options?: SignedRequestOptions) {
  const form = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0WARROOM',
    team_domain: 'warroom-test',
    channel_id: input.channelId ?? 'C0ALERTS',
    channel_name: 'alerts',
    user_id: input.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: '/incident',
    text: input.text,
    api_app_id: 'A0WARROOM',
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId ?? `${Date.now()}.${randomUUID()}`,
  });
  return postSigned(baseUrl, form.toString(), 'application/x-www-form-urlencoded', options);
}

/** An interactivity payload (block_actions, view_submission, message_action) as Slack sends it. */
export function sendInteraction(baseUrl: string, payload: object, options?: SignedRequestOptions) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(baseUrl, body, 'application/x-www-form-urlencoded', options);
}

/** An Events API event callback; pass `retryNum` to look like Slack's retry of it. */
export function sendEvent(
  baseUrl: string,
  event: object,
  options: SignedRequestOptions & { retryNum?: number; eventId?: string } = {},
) {
  const body = JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: 'T0WARROOM',
    api_app_id: 'A0WARROOM',
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
  const headers =
    options.retryNum === undefined
      ? options.headers
      : {
          ...options.headers,
          'x-slack-retry-num': String(options.retryNum),
          'x-slack-retry-reason': 'http_timeout',
        };
  return postSigned(baseUrl, body, 'application/json', { ...options, headers });
}
