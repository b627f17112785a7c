import { controlAttrs, domIdFor, type ElementScope } from './element-attrs.ts';
import { attrs, escapeHtml, isObject, type JsonObject, stringOf } from './html.ts';
import { plainTextOf, renderTextObject } from './text-objects.ts';

/** Text inputs, pickers and choice lists: native <input>, <textarea> and <fieldset> controls. */

const INPUT_TYPES: Record<string, string> = {
  plain_text_input: 'text',
  email_text_input: 'email',
  url_text_input: 'url',
  number_input: 'number',
  datepicker: 'date',
  timepicker: 'time',
  datetimepicker: 'datetime-local',
};

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `YYYY-MM-DDTHH:mm` in the reader's zone: what <input type="datetime-local"> shows for an epoch. */
export function localDateTime(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

function initialValue(element: JsonObject): string | undefined {
  switch (element['type']) {
    case 'datepicker':
      return stringOf(element['initial_date']);
    case 'timepicker':
      return stringOf(element['initial_time']);
    case 'datetimepicker': {
      const epoch = numberOr(element['initial_date_time']);
      return epoch === undefined ? undefined : localDateTime(epoch);
    }
    default:
      return stringOf(element['initial_value']);
  }
}

/** plain_text (single or multiline), email, url and number inputs, and the three pickers. */
export function renderTextInput(element: JsonObject, scope: ElementScope): string {
  const type = String(element['type']);
  const control = controlAttrs(element, scope, 'input', `bk-input-control bk-${type.replace(/_/g, '-')}`);
  const placeholder = plainTextOf(element['placeholder']) || undefined;
  const value = initialValue(element);
  const lengths = {
    minlength: numberOr(element['min_length']),
    maxlength: numberOr(element['max_length']),
  };
  if (type === 'plain_text_input' && element['multiline'] === true) {
    return `<textarea${attrs({ ...control, ...lengths, placeholder, rows: 4 })}>${escapeHtml(value ?? '')}</textarea>`;
  }
  const numeric =
    type === 'number_input'
      ? {
          step: element['is_decimal_allowed'] === true ? 'any' : '1',
          min: stringOf(element['min_value']),
          max: stringOf(element['max_value']),
          inputmode: element['is_decimal_allowed'] === true ? 'decimal' : 'numeric',
        }
      : {};
  const inputType = INPUT_TYPES[type] ?? 'text';
  return `<input${attrs({ ...control, type: inputType, value, placeholder, ...(inputType === 'text' ? lengths : {}), ...numeric })}>`;
}

/** Plain text of a rich_text value (a rich_text_input's initial_value): its text runs, joined. */
function richTextPlain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(richTextPlain).join('');
  if (!isObject(value)) return '';
  if (typeof value['text'] === 'string') return value['text'];
  if (value['type'] === 'user') return `<@${String(value['user_id'])}>`;
  if (value['type'] === 'link') return String(value['url'] ?? '');
  const inner = richTextPlain(value['elements']);
  return value['type'] === 'rich_text_section' || value['type'] === 'rich_text_preformatted'
    ? `${inner}\n`
    : inner;
}

/** rich_text_input as a textarea holding the initial value's text. */
export function renderRichTextInput(element: JsonObject, scope: ElementScope): string {
  const control = controlAttrs(element, scope, 'input', 'bk-input-control bk-rich-text-input');
  const placeholder = plainTextOf(element['placeholder']) || undefined;
  const text = richTextPlain(element['initial_value']).replace(/\n$/, '');
  return `<textarea${attrs({ ...control, placeholder, rows: 4 })}>${escapeHtml(text)}</textarea>`;
}

/** file_input as <input type="file">, with the allowed types and count. */
export function renderFileInput(element: JsonObject, scope: ElementScope): string {
  const control = controlAttrs(element, scope, 'input', 'bk-input-control bk-file-input');
  const types = Array.isArray(element['filetypes'])
    ? element['filetypes'].filter((type): type is string => typeof type === 'string')
    : [];
  const maxFiles = numberOr(element['max_files']) ?? 10;
  return `<input${attrs({ ...control, type: 'file', multiple: maxFiles > 1, accept: types.map((type) => `.${type}`).join(',') || undefined })}>`;
}

/**
 * checkboxes / radio_buttons: one <fieldset> carrying the contract attributes, one input per
 * option whose value is the option's value; option text and description may be mrkdwn.
 */
export function renderChoices(element: JsonObject, scope: ElementScope): string {
  const radio = element['type'] === 'radio_buttons';
  const control = controlAttrs(element, scope, 'input', radio ? 'bk-radio-buttons' : 'bk-checkboxes');
  const name = domIdFor(scope, element);
  const initial = radio
    ? isObject(element['initial_option'])
      ? [element['initial_option']]
      : []
    : Array.isArray(element['initial_options'])
      ? element['initial_options']
      : [];
  const selected = new Set(initial.filter(isObject).map((option) => stringOf(option['value'])));
  const options = (Array.isArray(element['options']) ? element['options'] : []).filter(isObject);
  const items = options.map((option, index) => {
    const value = stringOf(option['value']) ?? '';
    const input = `<input${attrs({ type: radio ? 'radio' : 'checkbox', name, id: `${name}-${index}`, value, checked: selected.has(value) })}>`;
    const description = option['description']
      ? `<span class="bk-choice-description">${renderTextObject(option['description'], scope.ctx)}</span>`
      : '';
    return `<label class="bk-choice">${input}<span class="bk-choice-text">${renderTextObject(option['text'], scope.ctx)}${description}</span></label>`;
  });
  return `<fieldset${attrs(control)}>${items.join('')}</fieldset>`;
}
