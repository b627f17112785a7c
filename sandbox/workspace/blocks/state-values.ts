import { BotError } from '../../../src/errors.ts';
import { isObject, type JsonObject, stringOf } from './html.ts';

/**
 * What Slack puts in `view.state.values[block_id][action_id]` (view_submission) and `state.values`
 * (block_actions) for an element and the raw form value(s) a person gave it. Shapes follow Slack's
 * ViewStateValue: `value` for text and number inputs, `selected_option(s)` (the option objects as
 * the app sent them) for static menus, checkboxes, radio buttons and overflow, `selected_user(s)`,
 * `selected_conversation(s)`, `selected_channel(s)`, `selected_date`, `selected_time`,
 * `selected_date_time` (epoch seconds), `rich_text_value`, `files`. Nothing chosen (null, '' or
 * []) gives Slack's empty shape: null for single values, [] for multiple.
 */
export function stateValueFor(element: unknown, raw: string | string[] | null): Record<string, unknown> {
  if (!isObject(element) || typeof element['type'] !== 'string') {
    throw badValue('an element object with a type', element);
  }
  const type = element['type'];
  const values = (raw === null ? [] : Array.isArray(raw) ? raw : [raw]).filter((value) => value !== '');
  const build = SHAPES[type];
  if (!build)
    throw new BotError('BLOCK_KIT.NO_STATE_VALUE', `A ${type} element has no state value in Slack.`);
  return { type, ...build(element, values) };
}

type Shape = (element: JsonObject, values: string[]) => Record<string, unknown>;

function badValue(expected: string, got: unknown): BotError {
  return new BotError(
    'BLOCK_KIT.BAD_STATE_VALUE',
    `Expected ${expected}, got ${JSON.stringify(got) ?? String(got)}.`,
  );
}

function single(element: JsonObject, values: string[]): string | null {
  if (values.length > 1) throw badValue(`one value for ${String(element['type'])}`, values);
  return values[0] ?? null;
}

/** Every option an element offers (options, option groups, initial ones), for finding by value. */
function optionsOf(element: JsonObject): JsonObject[] {
  const groups = Array.isArray(element['option_groups']) ? element['option_groups'] : [];
  return [
    element['options'],
    ...groups.filter(isObject).map((group) => group['options']),
    element['initial_options'],
    [element['initial_option']],
  ]
    .flatMap((options) => (Array.isArray(options) ? options : []))
    .filter(isObject);
}

function optionFor(element: JsonObject, value: string): JsonObject {
  const found = optionsOf(element).find((option) => option['value'] === value);
  if (found) return JSON.parse(JSON.stringify(found)) as JsonObject;
  // An external_select's choices come from the app at run time; Slack echoes what was picked.
  if (String(element['type']).endsWith('external_select'))
    return { text: { type: 'plain_text', text: value }, value };
  throw badValue(`one of the ${String(element['type'])}'s option values`, value);
}

const selectedOption: Shape = (element, values) => {
  const value = single(element, values);
  return { selected_option: value === null ? null : optionFor(element, value) };
};
const selectedOptions: Shape = (element, values) => ({
  selected_options: values.map((value) => optionFor(element, value)),
});
const oneOf =
  (key: string, check?: (element: JsonObject, value: string) => void): Shape =>
  (element, values) => {
    const value = single(element, values);
    if (value !== null) check?.(element, value);
    return { [key]: value };
  };
const manyOf =
  (key: string): Shape =>
  (_element, values) => ({ [key]: values });

function checkDate(_element: JsonObject, value: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw badValue('a date as YYYY-MM-DD', value);
  }
}

function checkTime(_element: JsonObject, value: string): void {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw badValue('a time as HH:mm', value);
}

function checkNumber(element: JsonObject, value: string): void {
  const decimal = element['is_decimal_allowed'] === true;
  if (!(decimal ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/).test(value)) {
    throw badValue(decimal ? 'a number' : 'a whole number', value);
  }
  const min = stringOf(element['min_value']);
  const max = stringOf(element['max_value']);
  if (min !== undefined && Number(value) < Number(min)) throw badValue(`a number of at least ${min}`, value);
  if (max !== undefined && Number(value) > Number(max)) throw badValue(`a number of at most ${max}`, value);
}

/** Epoch seconds, or the `YYYY-MM-DDTHH:mm` a datetime-local input gives (read in the reader's zone). */
function epochSeconds(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) throw badValue('epoch seconds or YYYY-MM-DDTHH:mm', value);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return Math.floor(new Date(year, month - 1, day, hour, minute).getTime() / 1000);
}

const SHAPES: Record<string, Shape> = {
  plain_text_input: oneOf('value'),
  email_text_input: oneOf('value'),
  url_text_input: oneOf('value'),
  number_input: oneOf('value', checkNumber),
  static_select: selectedOption,
  external_select: selectedOption,
  radio_buttons: selectedOption,
  overflow: selectedOption,
  multi_static_select: selectedOptions,
  multi_external_select: selectedOptions,
  checkboxes: selectedOptions,
  users_select: oneOf('selected_user'),
  multi_users_select: manyOf('selected_users'),
  conversations_select: oneOf('selected_conversation'),
  multi_conversations_select: manyOf('selected_conversations'),
  channels_select: oneOf('selected_channel'),
  multi_channels_select: manyOf('selected_channels'),
  datepicker: oneOf('selected_date', checkDate),
  timepicker: (element, values) => ({
    ...oneOf('selected_time', checkTime)(element, values),
    ...(typeof element['timezone'] === 'string' ? { timezone: element['timezone'] } : {}),
  }),
  datetimepicker: (element, values) => {
    const value = single(element, values);
    return { selected_date_time: value === null ? null : epochSeconds(value) };
  },
  rich_text_input: (element, values) => {
    const text = single(element, values);
    const elements = text === null ? [] : [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }];
    return { rich_text_value: { type: 'rich_text', elements } };
  },
  // The UI uploads the files first (files.upload) and passes their ids.
  file_input: (_element, values) => ({ files: values.map((id) => ({ id })) }),
};
