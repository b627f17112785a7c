import { z } from 'zod';
import { durationText, MAX_SNOOZE_MS } from '../src/incidents/index.ts';
import { quote } from './parse-args.ts';

export const DURATION_HINT = `say how long with a unit: 30m, 1h or 1h30m (at most ${durationText(MAX_SNOOZE_MS)})`;

/** `30m`, `1h`, `1h30m`, `90m` in milliseconds: at least a minute, at most MAX_SNOOZE_MS. */
export const durationWord = z.string().transform((word, ctx): number => {
  const match = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?$/i.exec(word);
  const ms = match ? (Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60_000 : 0;
  if (ms === 0) {
    ctx.addIssue({ code: 'custom', message: `${quote(word)} is not a duration: ${DURATION_HINT}.` });
    return z.NEVER;
  }
  if (ms > MAX_SNOOZE_MS) {
    ctx.addIssue({
      code: 'custom',
      message: `${quote(word)} is too long: snooze for at most ${durationText(MAX_SNOOZE_MS)}.`,
    });
    return z.NEVER;
  }
  return ms;
});
