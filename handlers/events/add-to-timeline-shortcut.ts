import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { toBotError } from '../../src/errors.ts';
import type { TimelineCapture } from '../../src/incidents/index.ts';
import { SHORTCUT_IDS } from '../../src/slack/ids.ts';
import { captureReplyText } from './capture-replies.ts';
import { showCaptured } from './show-captured.ts';

const messageShortcutSchema = z.object({
  type: z.literal('message_action'),
  callback_id: z.string(),
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }),
  message: z.object({
    ts: z.string().min(1),
    text: z.string().optional(),
    user: z.string().optional(),
    bot_id: z.string().optional(),
    thread_ts: z.string().optional(),
  }),
});

/**
 * The "Add to incident timeline" message shortcut: acks at once, then adds the message it was
 * used on (the payload carries it, so nothing is read back) and always answers, ephemerally.
 * Used outside an incident's channel or card thread it says where it works.
 */
export function registerAddToTimelineShortcut(
  app: App,
  deps: SlackHandlerDeps,
  capture: TimelineCapture,
): void {
  app.shortcut(
    { callback_id: SHORTCUT_IDS.addToTimeline, type: 'message_action' },
    async ({ ack, body, respond }) => {
      await ack();
      // A response_url that refuses the reply leaves nobody to tell: a warning, not a failure.
      const reply = (text: string) =>
        respond({ response_type: 'ephemeral', text }).then(
          () => undefined,
          (error: unknown) =>
            deps.logger.warn(
              { err: error },
              'could not answer the shortcut: its response_url refused the reply',
            ),
        );
      const parsed = messageShortcutSchema.safeParse(body);
      if (!parsed.success) {
        deps.logger.warn({ issues: parsed.error.issues.length }, 'message shortcut of an unexpected shape');
        await reply('Slack sent a shortcut warroom could not read; nothing was added.');
        return;
      }
      const { user, channel, message } = parsed.data;
      let outcome: Awaited<ReturnType<TimelineCapture['capture']>>;
      try {
        outcome = await capture.capture(
          channel.id,
          {
            ts: message.ts,
            text: message.text ?? '',
            user: message.user,
            botId: message.bot_id,
            threadTs: message.thread_ts,
          },
          { userId: user.id },
        );
      } catch (error) {
        const coded = toBotError(error);
        const reference = randomUUID().slice(0, 8);
        deps.logger.error(
          { err: error, code: coded.code, reference },
          'adding a message to the timeline failed',
        );
        await reply(
          `Could not add the message to the timeline: ${coded.userMessage} (reference ${reference})`,
        );
        return;
      }
      await reply(`${captureReplyText(outcome)}${await showCaptured(deps, outcome, channel.id)}`);
    },
  );
}
