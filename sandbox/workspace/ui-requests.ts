import { z } from 'zod';

/** The bodies the page POSTs to the UI server, checked before anything reaches warroom. */

const userId = z.string().regex(/^[UW][A-Z0-9]+$/, 'a Slack user id (U…)');
const channelId = z.string().regex(/^[CDG][A-Z0-9]+$/, 'a Slack conversation id (C…, D…, G…)');
const messageKey = z.string().regex(/^(h:\d+\.\d+|[er]:\d+)$/, 'a message key (h:<ts>, e:<n>, r:<n>)');

export const controlValueSchema = z.object({
  blockId: z.string().min(1),
  actionId: z.string().min(1),
  element: z.record(z.string(), z.unknown()),
  raw: z.union([z.string(), z.array(z.string()), z.null()]),
});

export const blockActionSchema = z.object({
  user: userId,
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('message'), channel: channelId, key: messageKey }),
    z.object({ kind: z.literal('view'), viewId: z.string().min(1) }),
  ]),
  clicked: controlValueSchema,
  state: z.array(controlValueSchema).default([]),
});

export const viewRequestSchema = z.object({
  user: userId,
  viewId: z.string().min(1),
  values: z.array(controlValueSchema).default([]),
});

export const composeSchema = z.object({
  user: userId,
  channel: channelId,
  text: z.string().max(40_000),
  threadTs: z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
});

export const homeOpenedSchema = z.object({ user: userId });

export const reactionSchema = z.object({
  user: userId,
  channel: channelId,
  key: messageKey,
  name: z.string().regex(/^[a-z0-9_+-]+$/, 'an emoji name such as pushpin'),
});

export const shortcutSchema = z.object({
  user: userId,
  channel: channelId,
  key: messageKey,
  callbackId: z.string().min(1),
});

export const fireScenarioSchema = z.object({ id: z.string().min(1) });

/** realtime (a drill's default), fast, or a scale of the steps' `after` (0.1 = ten times faster). */
export const drillPaceSchema = z.union([
  z.literal('realtime'),
  z.literal('fast'),
  z.number().positive('a pace scale above 0, such as 0.1').max(10),
]);

export const startDrillSchema = z.object({
  scenario: z.string().min(1),
  pace: drillPaceSchema.default('realtime'),
});

export const drillControlSchema = z.object({}).strict();
