/**
 * Slack's `<!date^epoch^format|fallback>` as the reader's Slack client shows it: in the browser's
 * own time zone and words. Tokens Slack documents: {date_num} {date} {date_short} {date_long}
 * {date_pretty} {date_short_pretty} {date_long_pretty} {time} {time_secs}; other text stays as is.
 */
export function formatSlackDate(epochSeconds: number, format: string, now = new Date()): string {
  const date = new Date(epochSeconds * 1000);
  const locale = 'en-US';
  const two = (n: number) => String(n).padStart(2, '0');
  const ordinal = (day: number) => {
    const tens = day % 100;
    if (tens >= 11 && tens <= 13) return `${day}th`;
    return `${day}${{ 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th'}`;
  };
  const month = (style: 'long' | 'short') => date.toLocaleString(locale, { month: style });
  const weekday = date.toLocaleString(locale, { weekday: 'long' });
  const plain = {
    date: `${month('long')} ${ordinal(date.getDate())}, ${date.getFullYear()}`,
    date_short: `${month('short')} ${date.getDate()}, ${date.getFullYear()}`,
    date_long: `${weekday}, ${month('long')} ${ordinal(date.getDate())}, ${date.getFullYear()}`,
  };
  const dayOffset = Math.round(
    (startOfDay(date).getTime() - startOfDay(now).getTime()) / (24 * 60 * 60 * 1000),
  );
  const pretty = (fallback: string) =>
    dayOffset === 0 ? 'Today' : dayOffset === -1 ? 'Yesterday' : dayOffset === 1 ? 'Tomorrow' : fallback;
  const tokens: Record<string, string> = {
    date_num: `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`,
    ...plain,
    date_pretty: pretty(plain.date),
    date_short_pretty: pretty(plain.date_short),
    date_long_pretty: pretty(plain.date_long),
    time: `${two(date.getHours())}:${two(date.getMinutes())}`,
    time_secs: `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`,
  };
  return format.replace(/\{([a-z_]+)\}/g, (whole, name: string) => tokens[name] ?? whole);
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}
