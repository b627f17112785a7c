import { vi } from 'vitest';
import type { ResponsePost } from '../../sandbox/slack/slack-emulator.ts';
import { sendSlashCommand } from '../support/slack-requests.ts';
import { ALERT_CHANNEL, type Harness } from '../support/warroom-harness.ts';

export interface SentCommand {
  /** warroom's HTTP answer to the command: Bolt's ack. */
  response: Response;
  /** How long that answer took, from sending to the response headers. */
  ackMs: number;
  responseUrl: string;
  triggerId: string;
}

export interface CommandOptions {
  userId?: string;
  channelId?: string;
  /** Reuse a trigger_id, as a retried delivery of the same command would. */
  triggerId?: string;
}

/** Sends `/incident <text>` to the real Bolt app as Slack would: signed, with a fresh response_url and trigger_id. */
export async function sendIncidentCommand(
  harness: Harness,
  text: string,
  options: CommandOptions = {},
): Promise<SentCommand> {
  const userId = options.userId ?? 'U0ALICE';
  const channelId = options.channelId ?? ALERT_CHANNEL;
  const responseUrl = harness.slack.issueResponseUrl(userId, channelId);
  const triggerId = options.triggerId ?? harness.slack.issueTriggerId(userId);
  const started = performance.now();
  const response = await sendSlashCommand(harness.warroom.url, {
    text,
    userId,
    channelId,
    responseUrl,
    triggerId,
  });
  return { response, ackMs: performance.now() - started, responseUrl, triggerId };
}

/** Waits for the `count`-th reply to a response_url and returns it. */
export async function replyTo(harness: Harness, url: string, count = 1): Promise<ResponsePost> {
  return vi.waitFor(
    () => {
      const post = harness.slack.responses(url)[count - 1];
      if (!post) throw new Error(`no reply ${count} to ${url} yet`);
      return post;
    },
    { timeout: 5000, interval: 10 },
  );
}

/** Sends the command and returns its one ephemeral reply's text and blocks (as one string). */
export async function runIncidentCommand(
  harness: Harness,
  text: string,
  options: CommandOptions = {},
): Promise<{ sent: SentCommand; reply: ResponsePost; all: string }> {
  const sent = await sendIncidentCommand(harness, text, options);
  if (sent.response.status !== 200)
    throw new Error(`/incident ${text} answered HTTP ${sent.response.status}`);
  const reply = await replyTo(harness, sent.responseUrl);
  return { sent, reply, all: `${reply.text ?? ''}\n${JSON.stringify(reply.blocks ?? [])}` };
}
