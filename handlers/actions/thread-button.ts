import { z } from 'zod';
import { answerClickFailure } from './answer-click-failure.ts';
import type { CardActionDeps, CardClickArgs, ClickTarget } from './card-click.ts';
import { tellClicker } from './tell-clicker.ts';

/** A click on a button of a thread message (not the card): its value is JSON the message wrote. */
const threadClickSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1) }),
  container: z.object({ channel_id: z.string().min(1).optional() }).optional(),
  channel: z.object({ id: z.string().min(1) }).nullish(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string() })).min(1),
});

export interface ThreadClick<V> extends ClickTarget {
  userId: string;
  value: V;
}

function parseThreadClick<V>(body: unknown, valueSchema: z.ZodType<V>): ThreadClick<V> | undefined {
  const payload = threadClickSchema.safeParse(body);
  if (!payload.success) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(payload.data.actions[0]?.value ?? '');
  } catch {
    return undefined;
  }
  const value = valueSchema.safeParse(raw);
  if (!value.success) return undefined;
  const channelId = payload.data.container?.channel_id ?? payload.data.channel?.id;
  return { userId: payload.data.user.id, channelId, value: value.data };
}

/**
 * The frame of a thread-message button (Stop, Approve, Reject): ack first, then parse, then act,
 * answering the clicker alone; failures are answered by answerClickFailure.
 */
export async function handleThreadButton<V>(
  deps: Pick<CardActionDeps, 'slack' | 'logger'>,
  args: CardClickArgs,
  valueSchema: z.ZodType<V>,
  act: (click: ThreadClick<V>) => Promise<string | undefined>,
): Promise<void> {
  await args.ack();
  const click = parseThreadClick(args.body, valueSchema);
  if (!click) {
    deps.logger.warn({ retryNum: args.context.retryNum }, 'unreadable thread button click');
    await tellClicker(deps, args, {}, 'warroom could not read that click. Try again, or use `/incident`.');
    return;
  }
  try {
    const reply = await act(click);
    if (reply) await tellClicker(deps, args, click, reply);
  } catch (error) {
    await answerClickFailure(deps, args, click, error);
  }
}
