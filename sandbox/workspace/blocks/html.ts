/** HTML escaping and URL rules every renderer here goes through: nothing from a payload reaches the page raw. */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and for double- or single-quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const SLACK_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Slack text arrives with &, < and > escaped (warroom's escapeMrkdwn does it for AWS text); one pass
 * turns them back, so `&amp;lt;` stays the four characters `&lt;` a sender meant.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => SLACK_ENTITIES[entity] ?? entity);
}

/**
 * The URL if it may become a link or an image source: http, https and mailto only. Anything else
 * (`javascript:`, `data:`, relative paths, control characters) gives undefined and is shown as text.
 */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  // Browsers drop tabs and newlines inside a scheme ("java\tscript:"); refuse any control character.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses.
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return undefined;
  return /^(?:https?:\/\/[^/]|mailto:)/i.test(trimmed) ? trimmed : undefined;
}

/** ` name="value"` pairs, escaped; undefined and false leave the attribute out, true writes it bare. */
export function attrs(values: Record<string, string | number | boolean | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** A JSON object as it may be read, unknown fields and all. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
