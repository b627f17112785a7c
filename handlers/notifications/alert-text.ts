import type { Alert } from '../../src/signals/index.ts';

/** Limits the Alert contract promises the card builder (Slack truncates or rejects longer blocks). */
export const TITLE_MAX = 150;
export const DETAIL_MAX = 2000;

/** Cuts `text` to at most `max` characters, ending with '…' when something was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** The first non-empty line, trimmed; '' when there is none. */
export function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}

/**
 * Escapes the three characters Slack mrkdwn treats as control characters. AWS messages are
 * untrusted text (anyone allowed to publish to the topic writes them), so `<!channel>` or a
 * disguised link in an event message must show as text, not ping or redirect.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Applies the title and detail limits; every parser returns through this. */
export function clampAlert(alert: Alert): Alert {
  return {
    ...alert,
    title: truncate(alert.title.replace(/\s+/g, ' ').trim(), TITLE_MAX),
    detail: truncate(alert.detail.trim(), DETAIL_MAX),
  };
}
