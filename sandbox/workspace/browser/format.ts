/** Text and times as the workspace page shows them: pure, so Node tests run them too. */

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** `14:05`: the one way the workspace shows a time (24-hour, the browser's zone), as Slack's `{time}`. */
export function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** `14:05` for a Slack ts. */
export function timeOf(ts: string): string {
  return clockTime(new Date(Number(ts.split('.')[0]) * 1000));
}

/** `14:05` for an ISO time; `—` when there is none. */
export function clockOf(iso: string | undefined): string {
  return iso ? clockTime(new Date(iso)) : '—';
}
