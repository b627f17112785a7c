import { z } from 'zod';
import type { Impact } from '../incidents/index.ts';

/** `15m`, `1h`, `1h30m` → milliseconds: at least a minute, at most a day. */
const every = z
  .string()
  .transform((text, ctx): number => {
    const match = /^(?:(\d{1,2})h)?(?:(\d{1,4})m)?$/.exec(text);
    const ms = match ? (Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60_000 : 0;
    if (ms < 60_000 || ms > 86_400_000) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected how often, from 1m to 24h, such as 15m, 1h or 1h30m',
      });
      return z.NEVER;
    }
    return ms;
  })
  .describe('How often an update is due at this impact, e.g. `15m`, `1h`, `1h30m` (1m to 24h).');

export const updatesSchema = z
  .strictObject({
    every: z
      .partialRecord(z.enum(['1', '2', '3', '4', '5']), every)
      .describe(
        'By impact (1–5), how often a status update is due, e.g. `{1: 15m, 2: 30m}`. An impact not listed is never reminded.',
      ),
  })
  .optional()
  .describe(
    "Status updates (`/incident update`): when one is due, the owner (else whoever acknowledged) is reminded in the card's thread, once per due period; never on a resolved or snoozed incident.",
  );

/** `updates.every` in ms by impact; absent when the file has none. */
export function toUpdatesConfig(
  file: z.infer<typeof updatesSchema>,
): { everyMs: Partial<Record<Impact, number>> } | undefined {
  if (!file) return undefined;
  const everyMs: Partial<Record<Impact, number>> = {};
  for (const [impact, ms] of Object.entries(file.every))
    if (ms !== undefined) everyMs[Number(impact) as Impact] = ms;
  return { everyMs };
}
