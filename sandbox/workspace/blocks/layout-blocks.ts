import { domIdFor, type ElementScope } from './element-attrs.ts';
import { notAnObject, renderElement, renderImageElement, unsupported } from './elements.ts';
import { attrs, escapeHtml, isObject, type JsonObject, safeUrl, stringOf } from './html.ts';
import { renderMarkdownBlock } from './markdown-block.ts';
import type { RenderContext } from './render-context.ts';
import { renderRichText } from './rich-text.ts';
import { plainTextOf, renderPlainText, renderTextObject } from './text-objects.ts';

/** One renderer per block type; each returns the block's inner HTML (the wrapper is added by renderBlock). */
export type BlockRenderer = (block: JsonObject, scope: ElementScope) => string;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function section(block: JsonObject, scope: ElementScope): string {
  const text = block['text']
    ? `<div class="bk-section-text">${renderTextObject(block['text'], scope.ctx)}</div>`
    : '';
  const fields = list(block['fields']);
  const fieldsHtml = fields.length
    ? `<div class="bk-fields">${fields.map((field) => `<div class="bk-field">${renderTextObject(field, scope.ctx)}</div>`).join('')}</div>`
    : '';
  const accessory = block['accessory'];
  let accessoryHtml = '';
  if (isObject(accessory) && accessory['type'] === 'image') {
    accessoryHtml = `<div class="bk-accessory">${renderImageElement(accessory, 'bk-accessory-image')}</div>`;
  } else if (accessory !== undefined) {
    accessoryHtml = `<div class="bk-accessory">${renderElement(accessory, scope)}</div>`;
  }
  return `<div class="bk-section-main">${text}${fieldsHtml}</div>${accessoryHtml}`;
}

function context(block: JsonObject, scope: ElementScope): string {
  return list(block['elements'])
    .map((element) => {
      if (isObject(element) && element['type'] === 'image')
        return renderImageElement(element, 'bk-context-image');
      if (isObject(element) && (element['type'] === 'mrkdwn' || element['type'] === 'plain_text')) {
        return `<span class="bk-context-item">${renderTextObject(element, scope.ctx)}</span>`;
      }
      return unsupported('element', isObject(element) ? element['type'] : notAnObject(element));
    })
    .join('');
}

function image(block: JsonObject): string {
  const title = block['title']
    ? `<figcaption class="bk-image-title">${renderPlainText(block['title'])}</figcaption>`
    : '';
  const picture =
    isObject(block['slack_file']) && block['image_url'] === undefined
      ? `<span class="bk-image-missing">🖼 Slack file ${escapeHtml(String(block['slack_file']['id'] ?? block['slack_file']['url'] ?? ''))}</span>`
      : renderImageElement(block, 'bk-image-picture');
  return `${title}${picture}`;
}

function video(block: JsonObject): string {
  const title = plainTextOf(block['title']);
  const url = safeUrl(block['title_url']) ?? safeUrl(block['video_url']);
  const titleHtml = url
    ? `<a${attrs({ class: 'bk-link', href: url, target: '_blank', rel: 'noopener noreferrer' })}>${escapeHtml(title)}</a>`
    : escapeHtml(title);
  const thumbnail = renderImageElement(
    { image_url: block['thumbnail_url'], alt_text: stringOf(block['alt_text']) ?? title },
    'bk-video-thumbnail',
  );
  const description = block['description']
    ? `<div class="bk-video-description">${renderPlainText(block['description'])}</div>`
    : '';
  const provider = stringOf(block['provider_name']);
  return `<div class="bk-video-title">▶ ${titleHtml}</div>${thumbnail}${description}${provider ? `<div class="bk-video-provider">${escapeHtml(provider)}</div>` : ''}`;
}

/**
 * An input block: a real <label for> naming the control, "(optional)" when it is, the element (whose
 * control carries data-input-block and data-optional) and the hint. checkboxes and radio buttons
 * are a <fieldset>, which a label cannot target, so it is also aria-labelledby the label.
 */
function input(block: JsonObject, scope: ElementScope): string {
  const optional = block['optional'] === true;
  const inputScope: ElementScope = {
    ...scope,
    input: { optional, dispatchAction: block['dispatch_action'] === true },
  };
  const element = block['element'];
  const controlId = domIdFor(inputScope, element);
  const labelId = `${controlId}-label`;
  const optionalMark = optional ? ' <span class="bk-optional">(optional)</span>' : '';
  const label = `<label${attrs({ class: 'bk-input-label', for: controlId, id: labelId })}>${renderPlainText(block['label'])}${optionalMark}</label>`;
  let control = renderElement(element, inputScope);
  if (control.startsWith('<fieldset'))
    control = control.replace('<fieldset', `<fieldset aria-labelledby="${escapeHtml(labelId)}"`);
  const hint = block['hint'] ? `<div class="bk-hint">${renderPlainText(block['hint'])}</div>` : '';
  return `${label}${control}${hint}`;
}

export const BLOCK_RENDERERS: Record<string, BlockRenderer> = {
  section,
  context,
  image,
  video,
  input,
  header: (block) => renderPlainText(block['text']),
  divider: () => '',
  actions: (block, scope) =>
    list(block['elements'])
      .map((element) => renderElement(element, scope))
      .join(''),
  rich_text: (block, scope) => renderRichText(block, scope.ctx),
  markdown: (block) => renderMarkdownBlock(stringOf(block['text']) ?? ''),
  file: (block) =>
    `📄 Remote file <span class="bk-file-id">${escapeHtml(String(block['external_id'] ?? ''))}</span>`,
};

/** What wraps each block type: the header is a heading, the divider a rule, the rest a <div>. */
export function blockTag(type: string): 'h2' | 'hr' | 'figure' | 'div' {
  if (type === 'header') return 'h2';
  if (type === 'divider') return 'hr';
  if (type === 'image') return 'figure';
  return 'div';
}

export type { RenderContext };
