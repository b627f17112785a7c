import { isJsonObject } from './arg-readers.ts';
import { ACCESSORY_ELEMENTS, ACTIONS_ELEMENTS, checkElement, INPUT_ELEMENTS } from './block-kit-elements.ts';
import { checkId, checkString, checkText, checkTextObject, Problems } from './block-kit-objects.ts';

/**
 * Block Kit rules the local Slack enforces, with Slack's published limits. Pure: give it the parsed
 * `blocks` array, get back human-readable reasons ("must be less than 3001 characters
 * [json-pointer:/blocks/0/text/text]"); an empty list means valid.
 */

export type Surface = 'message' | 'modal' | 'home';

export const MAX_MESSAGE_BLOCKS = 50;
export const MAX_VIEW_BLOCKS = 100;
export const MAX_MESSAGE_TEXT = 40_000;
/**
 * Slack refuses a message whose blocks are too big as a whole (`msg_blocks_too_long`) without
 * publishing the rule; reports (bolt-js #2509, #2867) see it between ~13,000 and ~17,000
 * characters. We refuse serialized blocks over 13,000 characters: on the safe side of every report.
 */
export const MAX_SERIALIZED_BLOCKS = 13_000;

const BLOCK_KEYS: Record<string, string[]> = {
  section: ['text', 'fields', 'accessory', 'expand'],
  divider: [],
  header: ['text'],
  image: ['image_url', 'slack_file', 'alt_text', 'title'],
  actions: ['elements'],
  context: ['elements'],
  input: ['label', 'element', 'hint', 'optional', 'dispatch_action'],
  rich_text: ['elements'],
  markdown: ['text'],
  video: [
    'alt_text',
    'author_name',
    'description',
    'provider_icon_url',
    'provider_name',
    'title',
    'title_url',
    'thumbnail_url',
    'video_url',
  ],
  file: ['external_id', 'source'],
};
const MESSAGE_ONLY = ['markdown', 'file'];

/** Validates a blocks array for a surface (50 blocks for messages, 100 for modals and App Home). */
export function validateBlocks(blocks: unknown, surface: Surface, pointer = '/blocks'): string[] {
  const problems = new Problems();
  if (!Array.isArray(blocks)) {
    problems.add(pointer, 'must be an array');
    return problems.list;
  }
  const max = surface === 'message' ? MAX_MESSAGE_BLOCKS : MAX_VIEW_BLOCKS;
  if (blocks.length > max) problems.add(pointer, `no more than ${max} items allowed`);
  const blockIds = new Set<string>();
  blocks.forEach((block: unknown, index) => {
    const at = `${pointer}/${index}`;
    checkBlock(problems, block, at, surface);
    const blockId = isJsonObject(block) ? block['block_id'] : undefined;
    if (typeof blockId === 'string') {
      if (blockIds.has(blockId)) problems.add(`${at}/block_id`, `duplicate block_id: ${blockId}`);
      blockIds.add(blockId);
    }
  });
  return problems.list;
}

function checkBlock(problems: Problems, block: unknown, pointer: string, surface: Surface): void {
  if (!isJsonObject(block)) {
    problems.add(pointer, 'must be a block object');
    return;
  }
  const type = block['type'];
  const keys = typeof type === 'string' ? BLOCK_KEYS[type] : undefined;
  if (keys === undefined) {
    problems.add(`${pointer}/type`, `unsupported type: ${String(type)}`);
    return;
  }
  if (surface !== 'message' && MESSAGE_ONLY.includes(String(type))) {
    problems.add(`${pointer}/type`, `unsupported type: ${String(type)} is not allowed in a ${surface} view`);
    return;
  }
  for (const property of Object.keys(block)) {
    if (property !== 'type' && property !== 'block_id' && !keys.includes(property)) {
      problems.add(pointer, `invalid additional property: ${property}`);
    }
  }
  checkId(problems, block, 'block_id', pointer);
  BLOCK_CHECKS[String(type)]?.(problems, block, pointer);
}

type BlockCheck = (problems: Problems, block: Record<string, unknown>, pointer: string) => void;

const BLOCK_CHECKS: Record<string, BlockCheck> = {
  section: checkSection,
  header: (problems, block, pointer) =>
    checkText(problems, block, 'text', pointer, { kind: 'plain_text', max: 150 }),
  image: (problems, block, pointer) => {
    if (block['image_url'] === undefined && block['slack_file'] === undefined) {
      problems.add(pointer, 'must provide either image_url or slack_file');
    }
    checkString(problems, block, 'image_url', pointer, 3000);
    checkString(problems, block, 'alt_text', pointer, 2000, true);
    checkText(problems, block, 'title', pointer, { kind: 'plain_text', max: 2000, required: false });
  },
  actions: (problems, block, pointer) => checkElementList(problems, block, pointer, 25, ACTIONS_ELEMENTS),
  context: checkContext,
  input: checkInput,
  rich_text: (problems, block, pointer) => {
    if (!Array.isArray(block['elements'])) problems.add(pointer, 'missing required field: elements');
  },
  markdown: (problems, block, pointer) => checkString(problems, block, 'text', pointer, 12_000, true),
};

function checkSection(problems: Problems, block: Record<string, unknown>, pointer: string): void {
  if (block['text'] === undefined && block['fields'] === undefined) {
    problems.add(pointer, 'must define either `text` or `fields`');
  }
  checkText(problems, block, 'text', pointer, { kind: 'any', max: 3000, required: false });
  const fields = block['fields'];
  if (fields !== undefined) {
    if (!Array.isArray(fields)) {
      problems.add(`${pointer}/fields`, 'must be an array');
    } else {
      if (fields.length === 0) problems.add(`${pointer}/fields`, 'must provide at least 1 items');
      if (fields.length > 10) problems.add(`${pointer}/fields`, 'no more than 10 items allowed');
      fields.forEach((field: unknown, index) => {
        checkTextObject(problems, field, `${pointer}/fields/${index}`, 'any', 2000);
      });
    }
  }
  if (block['accessory'] !== undefined) {
    checkElement(problems, block['accessory'], `${pointer}/accessory`, ACCESSORY_ELEMENTS);
  }
}

function checkElementList(
  problems: Problems,
  block: Record<string, unknown>,
  pointer: string,
  max: number,
  allowed: string[],
): void {
  const elements = block['elements'];
  if (!Array.isArray(elements)) {
    problems.add(pointer, 'missing required field: elements');
    return;
  }
  if (elements.length === 0) problems.add(`${pointer}/elements`, 'must provide at least 1 items');
  if (elements.length > max) problems.add(`${pointer}/elements`, `no more than ${max} items allowed`);
  const actionIds = new Set<string>();
  elements.forEach((element: unknown, index) => {
    const at = `${pointer}/elements/${index}`;
    const actionId = checkElement(problems, element, at, allowed);
    if (actionId === undefined) return;
    if (actionIds.has(actionId)) problems.add(`${at}/action_id`, `duplicate action_id: ${actionId}`);
    actionIds.add(actionId);
  });
}

function checkContext(problems: Problems, block: Record<string, unknown>, pointer: string): void {
  const elements = block['elements'];
  if (!Array.isArray(elements)) {
    problems.add(pointer, 'missing required field: elements');
    return;
  }
  if (elements.length === 0) problems.add(`${pointer}/elements`, 'must provide at least 1 items');
  if (elements.length > 10) problems.add(`${pointer}/elements`, 'no more than 10 items allowed');
  elements.forEach((element: unknown, index) => {
    const at = `${pointer}/elements/${index}`;
    const type = isJsonObject(element) ? element['type'] : undefined;
    if (type === 'image') checkElement(problems, element, at, ['image']);
    else checkTextObject(problems, element, at, 'any', 3000);
  });
}

function checkInput(problems: Problems, block: Record<string, unknown>, pointer: string): void {
  checkText(problems, block, 'label', pointer, { kind: 'plain_text', max: 2000 });
  checkText(problems, block, 'hint', pointer, { kind: 'plain_text', max: 2000, required: false });
  if (block['element'] === undefined) problems.add(pointer, 'missing required field: element');
  else checkElement(problems, block['element'], `${pointer}/element`, INPUT_ELEMENTS);
}

/** True when the blocks, serialized, are over the size Slack answers `msg_blocks_too_long` for. */
export function blocksTooLong(blocks: unknown): boolean {
  return JSON.stringify(blocks).length > MAX_SERIALIZED_BLOCKS;
}
