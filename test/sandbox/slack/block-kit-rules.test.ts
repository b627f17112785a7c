import { describe, expect, it } from 'vitest';
import {
  blocksTooLong,
  MAX_SERIALIZED_BLOCKS,
  validateBlocks,
} from '../../../sandbox/slack/block-kit-rules.ts';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text = 'hello') => ({ type: 'section', text: mrkdwn(text) });
const button = (actionId: string, overrides: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: actionId,
  text: plain('Ack'),
  ...overrides,
});
const actions = (elements: unknown[]) => [{ type: 'actions', elements }];
const option = (text: string, value = 'v') => ({ text: plain(text), value });
const select = (options: unknown[]) => actions([{ type: 'static_select', action_id: 's', options }]);

/** Validates message blocks and expects exactly one reason, at `pointer`, containing `reason`. */
function expectOneProblem(blocks: unknown, pointer: string, reason: string): void {
  const problems = validateBlocks(blocks, 'message');
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain(reason);
  expect(problems[0]).toContain(`[json-pointer:${pointer}]`);
}

describe('Block Kit rules', () => {
  it('accepts a typical incident card', () => {
    const card = [
      { type: 'header', text: plain('RDS prod-db: CPU > 90%') },
      {
        type: 'section',
        text: mrkdwn('*Impact* 2 High'),
        fields: [mrkdwn('*Status*\nopen'), mrkdwn('*Owner*\n-')],
      },
      {
        type: 'context',
        elements: [
          mrkdwn('opened by CloudWatch'),
          { type: 'image', image_url: 'https://x/y.png', alt_text: 'aws' },
        ],
      },
      { type: 'divider' },
      {
        type: 'actions',
        block_id: 'incident',
        elements: [
          button('ack', { style: 'primary', value: 'INC-1' }),
          button('resolve', {
            style: 'danger',
            confirm: {
              title: plain('Sure?'),
              text: mrkdwn('Resolve it'),
              confirm: plain('Yes'),
              deny: plain('No'),
            },
          }),
          { type: 'overflow', action_id: 'more', options: [option('Page'), option('Runbook')] },
        ],
      },
    ];
    expect(validateBlocks(card, 'message')).toEqual([]);
  });

  it('allows 50 blocks in a message and refuses 51', () => {
    expect(
      validateBlocks(
        Array.from({ length: 50 }, () => ({ type: 'divider' })),
        'message',
      ),
    ).toEqual([]);
    expectOneProblem(
      Array.from({ length: 51 }, () => ({ type: 'divider' })),
      '/blocks',
      'no more than 50 items',
    );
  });

  it('allows 100 blocks in a modal or App Home and refuses 101', () => {
    const hundred = Array.from({ length: 100 }, () => ({ type: 'divider' }));
    expect(validateBlocks(hundred, 'modal')).toEqual([]);
    expect(validateBlocks(hundred, 'home')).toEqual([]);
    expect(validateBlocks([...hundred, { type: 'divider' }], 'modal')[0]).toContain('no more than 100 items');
  });

  it('limits section text to 3000 characters', () => {
    expect(validateBlocks([section('x'.repeat(3000))], 'message')).toEqual([]);
    expectOneProblem([section('x'.repeat(3001))], '/blocks/0/text/text', 'must be less than 3001 characters');
  });

  it('limits section fields to 10, each of 2000 characters', () => {
    const fields = (count: number, length = 5) =>
      Array.from({ length: count }, () => mrkdwn('f'.repeat(length)));
    expect(validateBlocks([{ type: 'section', fields: fields(10, 2000) }], 'message')).toEqual([]);
    expectOneProblem([{ type: 'section', fields: fields(11) }], '/blocks/0/fields', 'no more than 10 items');
    expectOneProblem(
      [{ type: 'section', fields: [mrkdwn('x'.repeat(2001))] }],
      '/blocks/0/fields/0/text',
      'must be less than 2001 characters',
    );
  });

  it('needs text or fields in a section', () => {
    expectOneProblem([{ type: 'section' }], '/blocks/0', 'must define either `text` or `fields`');
  });

  it('takes only plain_text of at most 150 characters in a header', () => {
    expect(validateBlocks([{ type: 'header', text: plain('h'.repeat(150)) }], 'message')).toEqual([]);
    expectOneProblem(
      [{ type: 'header', text: plain('h'.repeat(151)) }],
      '/blocks/0/text/text',
      'less than 151',
    );
    expectOneProblem([{ type: 'header', text: mrkdwn('*h*') }], '/blocks/0/text/type', 'must be plain_text');
  });

  it('limits block_id and action_id to 255 characters', () => {
    expectOneProblem([{ type: 'divider', block_id: 'b'.repeat(256) }], '/blocks/0/block_id', 'less than 256');
    expect(validateBlocks([{ type: 'divider', block_id: 'b'.repeat(255) }], 'message')).toEqual([]);
    expectOneProblem(actions([button('a'.repeat(256))]), '/blocks/0/elements/0/action_id', 'less than 256');
  });

  it('needs action_id unique within a block, but not across blocks', () => {
    expectOneProblem(
      actions([button('ack'), button('ack')]),
      '/blocks/0/elements/1/action_id',
      'duplicate action_id',
    );
    expect(validateBlocks([...actions([button('ack')]), ...actions([button('ack')])], 'message')).toEqual([]);
  });

  it('needs block_id unique within a message', () => {
    expectOneProblem(
      [
        { type: 'divider', block_id: 'same' },
        { type: 'divider', block_id: 'same' },
      ],
      '/blocks/1/block_id',
      'duplicate block_id',
    );
  });

  it('allows 25 elements in an actions block and refuses 26', () => {
    const elements = (count: number) => Array.from({ length: count }, (_, index) => button(`b${index}`));
    expect(validateBlocks(actions(elements(25)), 'message')).toEqual([]);
    expectOneProblem(actions(elements(26)), '/blocks/0/elements', 'no more than 25 items');
  });

  it('allows 10 elements in a context block and refuses 11', () => {
    const context = (count: number) => [
      { type: 'context', elements: Array.from({ length: count }, () => mrkdwn('c')) },
    ];
    expect(validateBlocks(context(10), 'message')).toEqual([]);
    expectOneProblem(context(11), '/blocks/0/elements', 'no more than 10 items');
  });

  it('limits button text to 75 characters of plain_text', () => {
    expectOneProblem(
      actions([button('a', { text: plain('x'.repeat(76)) })]),
      '/blocks/0/elements/0/text/text',
      'less than 76',
    );
    expectOneProblem(
      actions([button('a', { text: mrkdwn('*x*') })]),
      '/blocks/0/elements/0/text/type',
      'plain_text',
    );
  });

  it('limits button value to 2000 and url to 3000 characters', () => {
    expectOneProblem(
      actions([button('a', { value: 'v'.repeat(2001) })]),
      '/blocks/0/elements/0/value',
      'less than 2001',
    );
    expectOneProblem(
      actions([button('a', { url: `https://x/${'u'.repeat(3000)}` })]),
      '/blocks/0/elements/0/url',
      'less than 3001',
    );
  });

  it('takes only primary or danger as a button style', () => {
    expectOneProblem(
      actions([button('a', { style: 'default' })]),
      '/blocks/0/elements/0/style',
      'primary, danger',
    );
  });

  it('limits a confirm dialog: title 100, text 300, confirm and deny 30', () => {
    const confirm = (overrides: Record<string, unknown>) =>
      actions([
        button('a', {
          confirm: {
            title: plain('T'),
            text: plain('Sure?'),
            confirm: plain('Yes'),
            deny: plain('No'),
            ...overrides,
          },
        }),
      ]);
    const at = '/blocks/0/elements/0/confirm';
    expect(validateBlocks(confirm({}), 'message')).toEqual([]);
    expectOneProblem(confirm({ title: plain('t'.repeat(101)) }), `${at}/title/text`, 'less than 101');
    expectOneProblem(confirm({ text: mrkdwn('t'.repeat(301)) }), `${at}/text/text`, 'less than 301');
    expectOneProblem(confirm({ confirm: plain('c'.repeat(31)) }), `${at}/confirm/text`, 'less than 31');
    expectOneProblem(confirm({ deny: plain('d'.repeat(31)) }), `${at}/deny/text`, 'less than 31');
  });

  it('allows 100 options in a static_select and refuses 101', () => {
    const options = (count: number) =>
      Array.from({ length: count }, (_, index) => option(`o${index}`, `v${index}`));
    expect(validateBlocks(select(options(100)), 'message')).toEqual([]);
    expectOneProblem(select(options(101)), '/blocks/0/elements/0/options', 'no more than 100 items');
  });

  it('limits option text to 75 and option value to 150 characters', () => {
    expectOneProblem(
      select([option('o'.repeat(76))]),
      '/blocks/0/elements/0/options/0/text/text',
      'less than 76',
    );
    expectOneProblem(
      select([option('o', 'v'.repeat(151))]),
      '/blocks/0/elements/0/options/0/value',
      'less than 151',
    );
  });

  it('needs 2 to 5 options in an overflow menu', () => {
    const overflow = (count: number) =>
      actions([
        { type: 'overflow', action_id: 'o', options: Array.from({ length: count }, () => option('x')) },
      ]);
    expect(validateBlocks(overflow(2), 'message')).toEqual([]);
    expect(validateBlocks(overflow(5), 'message')).toEqual([]);
    expectOneProblem(overflow(1), '/blocks/0/elements/0/options', 'at least 2 items');
    expectOneProblem(overflow(6), '/blocks/0/elements/0/options', 'no more than 5 items');
  });

  it('takes only plain_text or mrkdwn text objects', () => {
    expectOneProblem(
      [{ type: 'section', text: { type: 'markdown', text: 'x' } }],
      '/blocks/0/text/type',
      'unsupported type',
    );
  });

  it('refuses empty text', () => {
    expectOneProblem([section('')], '/blocks/0/text/text', 'must be more than 0 characters');
  });

  it('refuses properties a text object does not have (emoji on mrkdwn)', () => {
    expectOneProblem(
      [{ type: 'section', text: { type: 'mrkdwn', text: 'x', emoji: true } }],
      '/blocks/0/text',
      'invalid additional property: emoji',
    );
  });

  it('refuses unknown block types and unknown block properties', () => {
    expectOneProblem([{ type: 'banner', text: plain('x') }], '/blocks/0/type', 'unsupported type: banner');
    expectOneProblem(
      [{ type: 'divider', colour: 'red' }],
      '/blocks/0',
      'invalid additional property: colour',
    );
  });

  it('refuses an input element inside an actions block', () => {
    expectOneProblem(
      actions([{ type: 'plain_text_input', action_id: 'x' }]),
      '/blocks/0/elements/0/type',
      'unsupported type: plain_text_input',
    );
  });

  it('needs a label and an element in an input block', () => {
    expectOneProblem(
      [{ type: 'input', element: { type: 'plain_text_input' } }],
      '/blocks/0',
      'missing required field: label',
    );
    expectOneProblem(
      [{ type: 'input', label: plain('Title') }],
      '/blocks/0',
      'missing required field: element',
    );
  });

  it('refuses message-only blocks in a modal', () => {
    expect(validateBlocks([{ type: 'markdown', text: '**x**' }], 'message')).toEqual([]);
    expect(validateBlocks([{ type: 'markdown', text: '**x**' }], 'modal')[0]).toContain(
      'not allowed in a modal view',
    );
  });

  it('measures the whole blocks payload against the msg_blocks_too_long threshold', () => {
    const sized = (length: number) => {
      const skeleton = JSON.stringify([section('')]).length;
      return [section('x'.repeat(length - skeleton))];
    };
    expect(blocksTooLong(sized(MAX_SERIALIZED_BLOCKS))).toBe(false);
    expect(blocksTooLong(sized(MAX_SERIALIZED_BLOCKS + 1))).toBe(true);
  });
});
