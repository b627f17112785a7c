import { createHmac } from 'node:crypto';

/** A request body with the headers Slack would send it with, signed and ready to POST. */
export interface SignedSlackRequest {
  body: string;
  headers: Record<string, string>;
}

/** Signs a body as Slack does: v0=HMAC-SHA256(secret, "v0:<ts>:<body>"), timestamp in seconds. */
export function signSlackRequest(body: string, contentType: string, secret: string): SignedSlackRequest {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': `v0=${signature}`,
    },
  };
}

export interface SlashCommandFields {
  text: string;
  userId: string;
  channelId: string;
  responseUrl: string;
  triggerId: string;
}

/** A `/incident` slash command, form-encoded as Slack posts it. */
export function buildSlashCommand(input: SlashCommandFields, secret: string): SignedSlackRequest {
  const form = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0WARROOM',
    team_domain: 'warroom',
    channel_id: input.channelId,
    channel_name: 'alerts',
    user_id: input.userId,
    user_name: input.userId.toLowerCase(),
    command: '/incident',
    text: input.text,
    api_app_id: 'A0WARROOM',
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  });
  return signSlackRequest(form.toString(), 'application/x-www-form-urlencoded', secret);
}

/** An interactivity payload (e.g. block_actions), form-encoded as `payload=<json>`. */
export function buildInteraction(payload: object, secret: string): SignedSlackRequest {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return signSlackRequest(body, 'application/x-www-form-urlencoded', secret);
}
