import { controlAttrs, type ElementScope } from './element-attrs.ts';
import { attrs, escapeHtml, isObject, type JsonObject, safeUrl, stringOf } from './html.ts';
import { plainTextOf } from './text-objects.ts';

/**
 * Menus as one native <select> each. Option values are the Block Kit option `value`s exactly; a
 * single select starts with an empty-valued placeholder option (selected when nothing is), which
 * stateValueFor reads as "nothing selected".
 */

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function optionTag(value: string, label: string, selected: boolean, url?: string): string {
  return `<option${attrs({ value, selected, 'data-url': url })}>${escapeHtml(label)}</option>`;
}

function blockKitOption(option: unknown, selected: ReadonlySet<string>): string {
  if (!isObject(option)) return '';
  const value = stringOf(option['value']) ?? '';
  return optionTag(value, plainTextOf(option['text']), selected.has(value), safeUrl(option['url']));
}

function valuesOf(options: unknown[]): Set<string> {
  return new Set(options.filter(isObject).map((option) => stringOf(option['value']) ?? ''));
}

/** static_select / external_select options and option groups, with the initial ones selected. */
function staticOptions(element: JsonObject, selected: ReadonlySet<string>): string {
  const groups = arrayOf(element['option_groups']).filter(isObject);
  if (groups.length > 0) {
    return groups
      .map(
        (group) =>
          `<optgroup${attrs({ label: plainTextOf(group['label']) })}>${arrayOf(group['options'])
            .map((option) => blockKitOption(option, selected))
            .join('')}</optgroup>`,
      )
      .join('');
  }
  // An external_select has no options of its own: its initial ones are all it can show here.
  const options =
    element['type'] === 'external_select' || element['type'] === 'multi_external_select'
      ? [
          ...arrayOf(element['initial_options']),
          ...(element['initial_option'] ? [element['initial_option']] : []),
        ]
      : arrayOf(element['options']);
  return options.map((option) => blockKitOption(option, selected)).join('');
}

interface Choice {
  id: string;
  name: string;
}

/** users_select / conversations_select / channels_select: the context's list plus any initial id it lacks. */
function directoryOptions(
  choices: readonly Choice[],
  initial: string[],
  nameOf: (id: string) => string,
): string {
  const listed = new Set(choices.map((choice) => choice.id));
  const all = [
    ...choices,
    ...initial.filter((id) => !listed.has(id)).map((id) => ({ id, name: nameOf(id) })),
  ];
  const selected = new Set(initial);
  return all.map((choice) => optionTag(choice.id, choice.name, selected.has(choice.id))).join('');
}

const DIRECTORY: Record<string, { initial: string; kind: 'users' | 'channels' }> = {
  users_select: { initial: 'initial_user', kind: 'users' },
  conversations_select: { initial: 'initial_conversation', kind: 'channels' },
  channels_select: { initial: 'initial_channel', kind: 'channels' },
};

function initialValues(element: JsonObject, key: string, multi: boolean): string[] {
  const value = element[multi ? `${key}s` : key];
  if (multi) return arrayOf(value).filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** Any *_select or multi_*_select element → a <select> (multiple for multi_*). */
export function renderSelect(element: JsonObject, scope: ElementScope): string {
  const type = String(element['type']);
  const multi = type.startsWith('multi_');
  const base = multi ? type.slice('multi_'.length) : type;
  const directory = DIRECTORY[base];
  let options: string;
  let nothingSelected: boolean;
  if (directory) {
    const initial = initialValues(element, directory.initial, multi);
    const { ctx } = scope;
    const choices = (directory.kind === 'users' ? ctx.users?.() : ctx.channels?.()) ?? [];
    const nameOf = (id: string) =>
      (directory.kind === 'users' ? ctx.userName(id) : ctx.channelName(id)) ?? id;
    options = directoryOptions(choices, initial, nameOf);
    nothingSelected = initial.length === 0;
  } else {
    const initial = multi
      ? arrayOf(element['initial_options'])
      : element['initial_option']
        ? [element['initial_option']]
        : [];
    options = staticOptions(element, valuesOf(initial));
    nothingSelected = initial.length === 0;
  }
  const placeholder = plainTextOf(element['placeholder']) || 'Select an item';
  const head = multi ? '' : optionTag('', placeholder, nothingSelected);
  const control = controlAttrs(element, scope, 'select', `bk-select${multi ? ' bk-multi-select' : ''}`);
  return `<select${attrs({ ...control, multiple: multi, 'aria-label': placeholder })}>${head}${options}</select>`;
}

/** An overflow menu: a compact <select> whose first, empty option shows "⋯". */
export function renderOverflow(element: JsonObject, scope: ElementScope): string {
  const control = controlAttrs(element, scope, 'select', 'bk-overflow');
  const options = arrayOf(element['options'])
    .map((option) => blockKitOption(option, new Set()))
    .join('');
  return `<select${attrs({ ...control, 'aria-label': 'More actions' })}>${optionTag('', '⋯', true)}${options}</select>`;
}
