/** How far ahead a due date may be: a follow-up due in years is a wish, not a follow-up. */
const MAX_DAYS_AHEAD = 366;
const DAY_MS = 86_400_000;

export type DueParse = { ok: true; due: string } | { ok: false; problem: string };

const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * A due date as people type it, to a UTC calendar day (`YYYY-MM-DD`): `2026-12-15`, `today`,
 * `tomorrow`, or `in <n>d` / `in <n>w` (days or weeks from today). A day in the past, a day that
 * does not exist (2026-02-30) or one more than a year ahead is refused, saying why.
 */
export function parseDue(text: string, now: Date): DueParse {
  const typed = text.trim().toLowerCase();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let at: number | undefined;
  if (typed === 'today') at = today;
  else if (typed === 'tomorrow') at = today + DAY_MS;
  const relative = /^in\s+(\d{1,3})\s*([dw])$/.exec(typed);
  if (relative) at = today + Number(relative[1]) * (relative[2] === 'w' ? 7 : 1) * DAY_MS;
  const absolute = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
  if (absolute) {
    const [year, month, day] = [Number(absolute[1]), Number(absolute[2]), Number(absolute[3])];
    at = Date.UTC(year, month - 1, day);
    const back = new Date(at);
    if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
      return { ok: false, problem: `${text.trim()} is not a date: there is no such day.` };
    }
  }
  if (at === undefined) {
    return {
      ok: false,
      problem: `"${text.trim()}" is not a due date: use YYYY-MM-DD, today, tomorrow, or in 3d / in 2w.`,
    };
  }
  if (at < today)
    return {
      ok: false,
      problem: `${dayOf(new Date(at))} is in the past: a follow-up is due today or later.`,
    };
  if (at > today + MAX_DAYS_AHEAD * DAY_MS) {
    return { ok: false, problem: `${dayOf(new Date(at))} is more than a year ahead.` };
  }
  return { ok: true, due: dayOf(new Date(at)) };
}

/** Whether the follow-up's due day is before today (UTC). */
export function isOverdue(due: string | undefined, now: Date): boolean {
  return due !== undefined && due < dayOf(now);
}
