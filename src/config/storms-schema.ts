import { z } from 'zod';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

const window = z
  .string()
  .regex(/^[1-9]\d*[smh]$/, 'expected a duration such as 90s, 2m or 1h')
  .transform((text) => Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1) as keyof typeof UNIT_MS]);

/** `storms:` in warroom.yml: when many resources alarm together, one storm incident instead of N. */
export const stormsSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .describe('`false`: every resource gets its own incident and card, even in a storm.'),
    threshold: z
      .number()
      .int('expected a whole number of resources, 2 or more')
      .min(2, 'expected a whole number of resources, 2 or more')
      .default(5)
      .describe(
        'How many distinct resources with the same kind of signal, in the same account and Region, make a storm.',
      ),
    window: window
      .default(120_000)
      .describe('How close together their incidents must open, e.g. `90s`, `2m`, `1h`.'),
  })
  .default({ enabled: true, threshold: 5, window: 120_000 })
  .describe(
    'Storms: many resources with the same kind of signal at once are one storm incident with one card (docs/signals.md).',
  );

/** The parsed `storms:` keys as the app uses them. */
export interface StormsConfig {
  enabled: boolean;
  threshold: number;
  /** Milliseconds. */
  windowMs: number;
}
