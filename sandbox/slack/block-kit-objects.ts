import { isJsonObject } from './arg-readers.ts';

/**
 * Composition objects of Block Kit (text, confirm dialog, option) and the collector every rule
 * reports to. Reasons read like Slack's: "must be less than 76 characters [json-pointer:/blocks/0/…]".
 */

export class Problems {
  readonly list: string[] = [];

  add(pointer: string, reason: string): void {
    this.list.push(`${reason} [json-pointer:${pointer}]`);
  }
}

export const MAX_BLOCK_ID = 255;
export const MAX_ACTION_ID = 255;

export type TextKind = 'plain_text' | 'mrkdwn' | 'any';

const TEXT_KEYS: Record<'plain_text' | 'mrkdwn', string[]> = {
  plain_text: ['type', 'text', 'emoji'],
  mrkdwn: ['type', 'text', 'verbatim'],
};

/** A string property: optional unless `required`, at most `max` characters. */
export function checkString(
  problems: Problems,
  owner: Record<string, unknown>,
  key: string,
  pointer: string,
  max: number,
  required = false,
): void {
  const value = owner[key];
  if (value === undefined) {
    if (required) problems.add(pointer, `missing required field: ${key}`);
    return;
  }
  if (typeof value !== 'string') {
    problems.add(`${pointer}/${key}`, 'must be a string');
    return;
  }
  if (required && value.length === 0) problems.add(`${pointer}/${key}`, 'must be more than 0 characters');
  if (value.length > max) problems.add(`${pointer}/${key}`, `must be less than ${max + 1} characters`);
}

/** A text object at `owner[key]`: type plain_text|mrkdwn (or only `kind`), non-empty text, ≤ max. */
export function checkText(
  problems: Problems,
  owner: Record<string, unknown>,
  key: string,
  pointer: string,
  options: { kind: TextKind; max: number; required?: boolean },
): void {
  const value = owner[key];
  const at = `${pointer}/${key}`;
  if (value === undefined) {
    if (options.required ?? true) problems.add(pointer, `missing required field: ${key}`);
    return;
  }
  checkTextObject(problems, value, at, options.kind, options.max);
}

export function checkTextObject(
  problems: Problems,
  value: unknown,
  pointer: string,
  kind: TextKind,
  max: number,
): void {
  if (!isJsonObject(value)) {
    problems.add(pointer, 'must be a text object');
    return;
  }
  const type = value['type'];
  if (type !== 'plain_text' && type !== 'mrkdwn') {
    problems.add(`${pointer}/type`, `unsupported type: ${String(type)}, expected plain_text or mrkdwn`);
    return;
  }
  if (kind !== 'any' && type !== kind) {
    problems.add(`${pointer}/type`, `must be ${kind}, got ${type}`);
  }
  for (const property of Object.keys(value)) {
    if (!TEXT_KEYS[type].includes(property))
      problems.add(pointer, `invalid additional property: ${property}`);
  }
  const text = value['text'];
  if (typeof text !== 'string') {
    problems.add(pointer, 'missing required field: text');
    return;
  }
  if (text.length === 0) problems.add(`${pointer}/text`, 'must be more than 0 characters');
  if (text.length > max) problems.add(`${pointer}/text`, `must be less than ${max + 1} characters`);
}

/** block_id / action_id: a string of at most 255 characters. */
export function checkId(
  problems: Problems,
  owner: Record<string, unknown>,
  key: string,
  pointer: string,
): void {
  checkString(problems, owner, key, pointer, key === 'block_id' ? MAX_BLOCK_ID : MAX_ACTION_ID);
}

/** Confirmation dialog: title 100, text 300, confirm/deny 30, style primary|danger. */
export function checkConfirm(problems: Problems, owner: Record<string, unknown>, pointer: string): void {
  const confirm = owner['confirm'];
  if (confirm === undefined) return;
  const at = `${pointer}/confirm`;
  if (!isJsonObject(confirm)) {
    problems.add(at, 'must be a confirmation object');
    return;
  }
  checkText(problems, confirm, 'title', at, { kind: 'plain_text', max: 100 });
  checkText(problems, confirm, 'text', at, { kind: 'any', max: 300 });
  checkText(problems, confirm, 'confirm', at, { kind: 'plain_text', max: 30 });
  checkText(problems, confirm, 'deny', at, { kind: 'plain_text', max: 30 });
  checkStyle(problems, confirm, at);
}

export function checkStyle(problems: Problems, owner: Record<string, unknown>, pointer: string): void {
  const style = owner['style'];
  if (style !== undefined && style !== 'primary' && style !== 'danger') {
    problems.add(`${pointer}/style`, `must be one of primary, danger; got ${String(style)}`);
  }
}

/**
 * An options array: between min and max option objects, text ≤ 75 (`textKind` decides whether
 * mrkdwn is allowed), value ≤ 150, description ≤ 75, url ≤ 3000 (overflow only).
 */
export function checkOptions(
  problems: Problems,
  owner: Record<string, unknown>,
  key: string,
  pointer: string,
  limits: { min: number; max: number; textKind: TextKind; required?: boolean },
): void {
  const options = owner[key];
  const at = `${pointer}/${key}`;
  if (options === undefined) {
    if (limits.required ?? true) problems.add(pointer, `missing required field: ${key}`);
    return;
  }
  if (!Array.isArray(options)) {
    problems.add(at, 'must be an array');
    return;
  }
  if (options.length < limits.min) problems.add(at, `must provide at least ${limits.min} items`);
  if (options.length > limits.max) problems.add(at, `no more than ${limits.max} items allowed`);
  options.forEach((option: unknown, index) => {
    const optionAt = `${at}/${index}`;
    if (!isJsonObject(option)) {
      problems.add(optionAt, 'must be an option object');
      return;
    }
    checkText(problems, option, 'text', optionAt, { kind: limits.textKind, max: 75 });
    checkString(problems, option, 'value', optionAt, 150);
    checkText(problems, option, 'description', optionAt, { kind: limits.textKind, max: 75, required: false });
    checkString(problems, option, 'url', optionAt, 3000);
  });
}
