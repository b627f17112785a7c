import { controlAttrs, type ElementScope } from './element-attrs.ts';
import { attrs, escapeHtml, isObject, type JsonObject, safeUrl } from './html.ts';
import { renderChoices, renderFileInput, renderRichTextInput, renderTextInput } from './input-elements.ts';
import { renderOverflow, renderSelect } from './select-elements.ts';
import { plainTextOf } from './text-objects.ts';

/** What to call a value that should have been a block or element object. */
export function notAnObject(value: unknown): string {
  return `(not an object: ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value})`;
}

/** The visible box for anything this renderer does not know: never dropped silently. */
export function unsupported(kind: 'block' | 'element', type: unknown): string {
  const name = typeof type === 'string' ? type : `(${type === null ? 'null' : typeof type})`;
  const tag = kind === 'block' ? 'div' : 'span';
  return `<${tag}${attrs({ class: `bk-unsupported bk-unsupported-${kind}`, [`data-${kind}-type`]: name })}>unsupported ${kind}: ${escapeHtml(name)}</${tag}>`;
}

/**
 * button and workflow_button: a <button> whose label is the plain text. A url button looks like a
 * link and carries `data-url` (http/https/mailto only) but is still the contract control, because
 * Slack sends block_actions for it too.
 */
function renderButton(element: JsonObject, scope: ElementScope): string {
  const style =
    element['style'] === 'primary' || element['style'] === 'danger' ? element['style'] : undefined;
  const url = safeUrl(element['url']);
  const looks = ['bk-button', style ? `bk-button-${style}` : '', url ? 'bk-button-url' : '']
    .filter(Boolean)
    .join(' ');
  const control = controlAttrs(element, scope, 'button', looks);
  const label = escapeHtml(plainTextOf(element['text']));
  const external = url ? '<span class="bk-external" aria-hidden="true"> ↗</span>' : '';
  return `<button${attrs({ ...control, type: 'button', 'data-url': url, 'aria-label': typeof element['accessibility_label'] === 'string' ? element['accessibility_label'] : undefined })}>${label}${external}</button>`;
}

/** An image element (context, section accessory): only http(s) sources load; others show their alt text. */
export function renderImageElement(element: JsonObject, className: string): string {
  const alt = typeof element['alt_text'] === 'string' ? element['alt_text'] : '';
  const src = safeUrl(element['image_url']);
  if (src === undefined || src.startsWith('mailto:')) {
    return `<span${attrs({ class: `${className} bk-image-missing`, title: alt })}>🖼 ${escapeHtml(alt)}</span>`;
  }
  return `<img${attrs({ class: className, src, alt, loading: 'lazy' })}>`;
}

type ElementRenderer = (element: JsonObject, scope: ElementScope) => string;

const SELECT_TYPES = [
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
];

const RENDERERS: Record<string, ElementRenderer> = {
  button: renderButton,
  workflow_button: renderButton,
  overflow: renderOverflow,
  checkboxes: renderChoices,
  radio_buttons: renderChoices,
  plain_text_input: renderTextInput,
  email_text_input: renderTextInput,
  url_text_input: renderTextInput,
  number_input: renderTextInput,
  datepicker: renderTextInput,
  timepicker: renderTextInput,
  datetimepicker: renderTextInput,
  rich_text_input: renderRichTextInput,
  file_input: renderFileInput,
  image: (element) => renderImageElement(element, 'bk-image-element'),
  ...Object.fromEntries(
    SELECT_TYPES.flatMap((type) => [
      [type, renderSelect],
      [`multi_${type}`, renderSelect],
    ]),
  ),
};

/** Any element of an actions block, a section accessory or an input block. */
export function renderElement(element: unknown, scope: ElementScope): string {
  if (!isObject(element)) return unsupported('element', notAnObject(element));
  const type = element['type'];
  const render = typeof type === 'string' ? RENDERERS[type] : undefined;
  return render ? render(element, scope) : unsupported('element', type);
}
