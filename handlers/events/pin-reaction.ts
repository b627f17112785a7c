import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { SlackHandlerDeps } from '../../src/app.ts';
import type { TimelineCapture } from '../../src/incidents/index.ts';
import { captureReplyText } from './capture-replies.ts';
import { showCaptured } from './show-captured.ts';

/** 📌 — the reaction that adds a message to the timeline. */
export const PIN_REACTION = 'pushpin';

const reactionAddedSchema = z.object({
  type: z.literal('reaction_added'),
  user: z.string().min(1),
  reaction: z.string(),
  item: z.object({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
});

/**
 * A 📌 on a message in an incident's channel or card thread adds that message to the timeline.
 * People pin things everywhere, so a pin anywhere else is ignored without a word. Slack acks
 * events itself (Bolt answers before this runs); a retried event finds the entry and adds nothing.
 */
export function registerPinReaction(app: App, deps: SlackHandlerDeps, capture: TimelineCapture): void {
  app.event('reaction_added', async ({ event }) => {
    const parsed = reactionAddedSchema.safeParse(event);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues.length }, 'reaction_added event of an unexpected shape');
      return;
    }
    const { user, reaction, item } = parsed.data;
    if (reaction !== PIN_REACTION || item.type !== 'message' || !item.channel || !item.ts) return;
    const outcome = await capture.captureReaction(item.channel, item.ts, { userId: user });
    // Only the pinner hears back, and only where it counts: a repeat (second pin, Slack retry)
    // stays quiet so a retry cannot double the answer.
    if (outcome.kind !== 'added' && outcome.kind !== 'denied') return;
    const trouble = await showCaptured(deps, outcome, item.channel);
    const threadTs = outcome.message.threadTs !== outcome.message.ts ? outcome.message.threadTs : undefined;
    await deps.slack.postEphemeral({
      channel: item.channel,
      user,
      text: `${captureReplyText(outcome)}${trouble}`,
      threadTs,
    });
  });
}
