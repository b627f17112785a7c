import { z } from 'zod';
import type { Impact } from '../../src/incidents/index.ts';
import { BLOCK_IDS } from '../../src/slack/ids.ts';
import type { CardClick, CardRef, ClickTarget, Parsed } from './card-click.ts';

/** A card button's value is JSON `{seq, v}` (src/incidents/incident-actions.ts). */
const cardRefSchema = z
  .string()
  .transform((raw, ctx): unknown => {
    try {
      return JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'button value is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ seq: z.number().int().positive(), v: z.number().int().nonnegative() }));

/** An impact as Slack carries it in an option value: '1'…'5'. */
export const impactSchema = z
  .string()
  .transform(Number)
  .pipe(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]));

/** The block_actions fields warroom reads (test/fixtures/slack/slack-block-actions.json). */
export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().min(1),
  container: z.object({ channel_id: z.string().min(1).optional() }).optional(),
  channel: z.object({ id: z.string().min(1) }).nullish(),
  message: z.object({ blocks: z.array(z.unknown()).optional() }).optional(),
  actions: z.array(z.unknown()).min(1),
});

const buttonActionSchema = z.object({
  action_id: z.string().min(1),
  value: cardRefSchema,
  action_ts: z.string().min(1).optional(),
});

const selectActionSchema = z.object({
  action_id: z.string().min(1),
  selected_option: z.object({ value: impactSchema }),
  action_ts: z.string().min(1).optional(),
});

const cardActionsBlockSchema = z.object({
  block_id: z.literal(BLOCK_IDS.cardActions),
  elements: z.array(z.object({ value: z.string().optional() })),
});

export const UNREADABLE = 'warroom could not read that click. Try again, or use `/incident` in the channel.';

export function salvageTarget(body: unknown): ClickTarget {
  const loose = z
    .object({
      user: z.object({ id: z.string() }).optional(),
      container: z.object({ channel_id: z.string() }).optional(),
    })
    .safeParse(body);
  return loose.success ? { userId: loose.data.user?.id, channelId: loose.data.container?.channel_id } : {};
}

/**
 * A static_select has no `value` of its own, so the incident comes from its neighbours: every
 * card's actions block carries buttons whose value names the incident and version it showed.
 */
function refFromCardBlocks(blocks: readonly unknown[]): CardRef | undefined {
  for (const block of blocks) {
    const actions = cardActionsBlockSchema.safeParse(block);
    if (!actions.success) continue;
    for (const element of actions.data.elements) {
      const ref = cardRefSchema.safeParse(element.value);
      if (ref.success) return ref.data;
    }
  }
  return undefined;
}

/** Who clicked what, where, on which incident: the part every card click shares. */
export function clickFrom(
  data: z.infer<typeof blockActionsSchema>,
  action: { action_id: string; action_ts?: string },
  ref: CardRef,
): CardClick {
  return {
    userId: data.user.id,
    triggerId: data.trigger_id,
    channelId: data.container?.channel_id ?? data.channel?.id,
    actionId: action.action_id,
    actionTs: action.action_ts,
    ref,
  };
}

/** A card button click (Acknowledge, Add note, Resolve, Reopen). */
export function parseButtonClick(body: unknown): Parsed<CardClick> {
  const payload = blockActionsSchema.safeParse(body);
  const action = payload.success ? buttonActionSchema.safeParse(payload.data.actions[0]) : undefined;
  if (!payload.success || !action?.success)
    return { ok: false, reason: UNREADABLE, target: salvageTarget(body) };
  return { ok: true, click: clickFrom(payload.data, action.data, action.data.value) };
}

/** A choice in the card's impact menu; `selected_option.value` is 1–5. */
export function parseImpactSelect(body: unknown): Parsed<CardClick & { impact: Impact }> {
  const payload = blockActionsSchema.safeParse(body);
  const action = payload.success ? selectActionSchema.safeParse(payload.data.actions[0]) : undefined;
  const ref = payload.success ? refFromCardBlocks(payload.data.message?.blocks ?? []) : undefined;
  if (!payload.success || !action?.success || !ref) {
    return { ok: false, reason: UNREADABLE, target: salvageTarget(body) };
  }
  return {
    ok: true,
    click: { ...clickFrom(payload.data, action.data, ref), impact: action.data.selected_option.value },
  };
}
