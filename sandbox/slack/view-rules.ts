import { isJsonObject } from './arg-readers.ts';
import { checkString, checkText, Problems } from './block-kit-objects.ts';
import { validateBlocks } from './block-kit-rules.ts';

/**
 * Rules for a view payload (views.open/push/update/publish). Pure; reasons carry json-pointers
 * under /view, as Slack's `invalid_arguments` messages do.
 */

export const MAX_VIEW_TITLE = 24;
export const MAX_PRIVATE_METADATA = 3000;

const VIEW_KEYS = [
  'type',
  'title',
  'blocks',
  'close',
  'submit',
  'private_metadata',
  'callback_id',
  'clear_on_close',
  'notify_on_close',
  'external_id',
  'submit_disabled',
];

/** `expected` narrows the type: views.publish takes home views only; open/push/update take modals. */
export function validateView(view: unknown, expected: 'modal' | 'home'): string[] {
  const problems = new Problems();
  const pointer = '/view';
  if (!isJsonObject(view)) {
    problems.add(pointer, 'must be a view object');
    return problems.list;
  }
  const type = view['type'];
  if (type === undefined) problems.add(pointer, 'missing required field: type');
  else if (type !== expected)
    problems.add(`${pointer}/type`, `unsupported type: ${String(type)}, expected ${expected}`);
  for (const property of Object.keys(view)) {
    if (!VIEW_KEYS.includes(property)) problems.add(pointer, `invalid additional property: ${property}`);
  }
  const isModal = expected === 'modal';
  checkText(problems, view, 'title', pointer, { kind: 'plain_text', max: MAX_VIEW_TITLE, required: isModal });
  checkText(problems, view, 'submit', pointer, { kind: 'plain_text', max: MAX_VIEW_TITLE, required: false });
  checkText(problems, view, 'close', pointer, { kind: 'plain_text', max: MAX_VIEW_TITLE, required: false });
  checkString(problems, view, 'callback_id', pointer, 255);
  checkString(problems, view, 'external_id', pointer, 255);
  checkString(problems, view, 'private_metadata', pointer, MAX_PRIVATE_METADATA);
  const blocks = view['blocks'];
  if (blocks === undefined) {
    problems.add(pointer, 'missing required field: blocks');
    return problems.list;
  }
  problems.list.push(...validateBlocks(blocks, expected, `${pointer}/blocks`));
  const hasInput =
    Array.isArray(blocks) && blocks.some((block) => isJsonObject(block) && block['type'] === 'input');
  if (isModal && hasInput && view['submit'] === undefined) {
    problems.add(pointer, 'missing required field: submit (required when the view has input blocks)');
  }
  return problems.list;
}
