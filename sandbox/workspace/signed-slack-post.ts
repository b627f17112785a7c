import { createHmac } from 'node:crypto';
import type { Clock } from '../../src/clock.ts';

/** Slack's request signature: `v0=` HMAC-SHA256(secret, `v0:<timestamp>:<body>`) in hex. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostResult {
  status: number;
  /** The app's answer, e.g. a view_submission's `{ response_action }`; '' for a plain ack. */
  text: string;
}

/**
 * POSTs to the app's request URL the way Slack does: signed with the signing secret, stamped
 * with x-slack-request-timestamp from the clock (Bolt refuses anything five minutes off).
 */
export async function postSignedToApp(input: {
  url: string;
  secret: string;
  clock: Clock;
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  headers?: Record<string, string>;
}): Promise<SignedPostResult> {
  const timestamp = Math.floor(input.clock.now().getTime() / 1000);
  const response = await fetch(input.url, {
    method: 'POST',
    headers: {
      'content-type': input.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(input.secret, timestamp, input.body),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...input.headers,
    },
    body: input.body,
  });
  return { status: response.status, text: await response.text() };
}
