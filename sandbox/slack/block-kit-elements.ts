import { isJsonObject } from './arg-readers.ts';
import {
  checkConfirm,
  checkId,
  checkOptions,
  checkString,
  checkStyle,
  checkText,
  type Problems,
} from './block-kit-objects.ts';

/** Interactive and image elements, and which of them each place (actions, accessory, input, context) takes. */

const SINGLE_SELECTS = [
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
];
const MULTI_SELECTS = SINGLE_SELECTS.map((type) => `multi_${type}`);
const CHOICES = ['checkboxes', 'radio_buttons'];
const PICKERS = ['datepicker', 'timepicker', 'datetimepicker'];
const TEXT_INPUTS = [
  'plain_text_input',
  'email_text_input',
  'url_text_input',
  'number_input',
  'rich_text_input',
  'file_input',
];

export const ACTIONS_ELEMENTS = [
  'button',
  'overflow',
  'workflow_button',
  ...SINGLE_SELECTS,
  ...MULTI_SELECTS,
  ...CHOICES,
  ...PICKERS,
];
export const ACCESSORY_ELEMENTS = [
  'button',
  'overflow',
  'image',
  'workflow_button',
  ...SINGLE_SELECTS,
  ...MULTI_SELECTS,
  ...CHOICES,
  'datepicker',
  'timepicker',
];
export const INPUT_ELEMENTS = [...SINGLE_SELECTS, ...MULTI_SELECTS, ...CHOICES, ...PICKERS, ...TEXT_INPUTS];

/**
 * Checks one element at `pointer` if its type is in `allowed`; returns its action_id (for the
 * uniqueness rule) when it has one.
 */
export function checkElement(
  problems: Problems,
  element: unknown,
  pointer: string,
  allowed: string[],
): string | undefined {
  if (!isJsonObject(element)) {
    problems.add(pointer, 'must be an element object');
    return undefined;
  }
  const type = element['type'];
  if (typeof type !== 'string') {
    problems.add(pointer, 'missing required field: type');
    return undefined;
  }
  if (!allowed.includes(type)) {
    problems.add(`${pointer}/type`, `unsupported type: ${type}`);
    return undefined;
  }
  checkId(problems, element, 'action_id', pointer);
  checkByType(problems, element, type, pointer);
  const actionId = element['action_id'];
  return typeof actionId === 'string' ? actionId : undefined;
}

function checkByType(
  problems: Problems,
  element: Record<string, unknown>,
  type: string,
  pointer: string,
): void {
  if (type === 'button') checkButton(problems, element, pointer);
  else if (type === 'image') checkImageElement(problems, element, pointer);
  else if (type === 'overflow') checkChoices(problems, element, pointer, 2, 5, 'plain_text');
  else if (CHOICES.includes(type)) checkChoices(problems, element, pointer, 1, 10, 'any');
  else if (SINGLE_SELECTS.includes(type) || MULTI_SELECTS.includes(type))
    checkSelect(problems, element, type, pointer);
  else checkInputLike(problems, element, type, pointer);
}

/** overflow (2–5 plain_text options), checkboxes and radio_buttons (1–10, mrkdwn allowed). */
function checkChoices(
  problems: Problems,
  element: Record<string, unknown>,
  pointer: string,
  min: number,
  max: number,
  textKind: 'plain_text' | 'any',
): void {
  checkOptions(problems, element, 'options', pointer, { min, max, textKind });
  checkConfirm(problems, element, pointer);
}

function checkInputLike(
  problems: Problems,
  element: Record<string, unknown>,
  type: string,
  pointer: string,
): void {
  checkText(problems, element, 'placeholder', pointer, { kind: 'plain_text', max: 150, required: false });
  checkConfirm(problems, element, pointer);
  if (type === 'plain_text_input') checkTextInputLengths(problems, element, pointer);
  if (type === 'datepicker') {
    checkPattern(problems, element, 'initial_date', pointer, /^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
  }
  if (type === 'timepicker')
    checkPattern(problems, element, 'initial_time', pointer, /^\d{2}:\d{2}$/, 'HH:mm');
}

function checkButton(problems: Problems, button: Record<string, unknown>, pointer: string): void {
  checkText(problems, button, 'text', pointer, { kind: 'plain_text', max: 75 });
  checkString(problems, button, 'value', pointer, 2000);
  checkString(problems, button, 'url', pointer, 3000);
  checkString(problems, button, 'accessibility_label', pointer, 75);
  checkStyle(problems, button, pointer);
  checkConfirm(problems, button, pointer);
}

function checkImageElement(problems: Problems, image: Record<string, unknown>, pointer: string): void {
  if (image['image_url'] === undefined && image['slack_file'] === undefined) {
    problems.add(pointer, 'must provide either image_url or slack_file');
  }
  checkString(problems, image, 'image_url', pointer, 3000);
  checkString(problems, image, 'alt_text', pointer, 2000, true);
}

function checkSelect(
  problems: Problems,
  select: Record<string, unknown>,
  type: string,
  pointer: string,
): void {
  checkText(problems, select, 'placeholder', pointer, { kind: 'plain_text', max: 150, required: false });
  checkConfirm(problems, select, pointer);
  if (type.startsWith('multi_')) {
    const max = select['max_selected_items'];
    if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1)) {
      problems.add(`${pointer}/max_selected_items`, 'must be an integer of at least 1');
    }
  }
  if (!type.endsWith('static_select')) return;
  if (select['options'] === undefined && select['option_groups'] === undefined) {
    problems.add(pointer, 'must provide either options or option_groups');
    return;
  }
  checkOptions(problems, select, 'options', pointer, {
    min: 1,
    max: 100,
    textKind: 'plain_text',
    required: false,
  });
  const groups = select['option_groups'];
  if (groups === undefined) return;
  if (!Array.isArray(groups) || groups.length > 100) {
    problems.add(`${pointer}/option_groups`, 'must be an array of no more than 100 items');
    return;
  }
  groups.forEach((group: unknown, index) => {
    const at = `${pointer}/option_groups/${index}`;
    if (!isJsonObject(group)) {
      problems.add(at, 'must be an option group object');
      return;
    }
    checkText(problems, group, 'label', at, { kind: 'plain_text', max: 75 });
    checkOptions(problems, group, 'options', at, { min: 1, max: 100, textKind: 'plain_text' });
  });
}

function checkTextInputLengths(problems: Problems, input: Record<string, unknown>, pointer: string): void {
  for (const [key, min] of [
    ['min_length', 0],
    ['max_length', 1],
  ] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 3000) {
      problems.add(`${pointer}/${key}`, `must be an integer between ${min} and 3000`);
    }
  }
}

function checkPattern(
  problems: Problems,
  owner: Record<string, unknown>,
  key: string,
  pointer: string,
  pattern: RegExp,
  format: string,
): void {
  const value = owner[key];
  if (value !== undefined && (typeof value !== 'string' || !pattern.test(value))) {
    problems.add(`${pointer}/${key}`, `must be formatted as ${format}`);
  }
}
