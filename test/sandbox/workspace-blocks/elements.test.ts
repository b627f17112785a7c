import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../../sandbox/workspace/blocks/index.ts';
import { byTestId, CONTEXT, controls, elementOf, innerOf, optionsOf, tags, textOf } from './html-probe.ts';

const plain = (text: string, emoji?: boolean) => ({
  type: 'plain_text',
  text,
  ...(emoji === undefined ? {} : { emoji }),
});
const option = (value: string, text = value) => ({ text: plain(text), value });
const render = (blocks: unknown[]) => renderBlocks(blocks, CONTEXT);

describe('interactive elements in messages', () => {
  const confirm = {
    title: plain('Sure?'),
    text: plain('It stops.'),
    confirm: plain('Stop'),
    deny: plain('Keep'),
  };
  const html = render([
    {
      type: 'actions',
      block_id: 'acts',
      elements: [
        { type: 'button', action_id: 'ok', text: plain('OK'), style: 'primary', value: 'v"1', confirm },
        { type: 'button', action_id: 'no', text: plain('No'), style: 'danger', value: 'v2' },
        { type: 'button', action_id: 'web', text: plain('Docs'), url: 'https://docs.test/a?b=1&c=2' },
        { type: 'button', action_id: 'evil', text: plain('Evil'), url: 'javascript:alert(1)' },
        {
          type: 'static_select',
          action_id: 'pick',
          placeholder: plain('Pick one'),
          option_groups: [{ label: plain('Group <1>'), options: [option('a', 'A'), option('b"', 'B')] }],
        },
        {
          type: 'overflow',
          action_id: 'more',
          options: [option('x'), { ...option('y'), url: 'https://y.test' }],
        },
        { type: 'users_select', action_id: 'who', initial_user: 'U0BOB', placeholder: plain('Someone') },
        { type: 'conversations_select', action_id: 'where' },
        { type: 'channels_select', action_id: 'chan', initial_channel: 'C0ALERTS' },
        {
          type: 'multi_static_select',
          action_id: 'many',
          options: [option('1'), option('2')],
          initial_options: [option('2')],
        },
        { type: 'datepicker', action_id: 'day', initial_date: '2026-11-22' },
        { type: 'timepicker', action_id: 'time', initial_time: '09:30' },
        {
          type: 'checkboxes',
          action_id: 'ticks',
          options: [option('t1'), option('t2')],
          initial_options: [option('t2')],
        },
        {
          type: 'radio_buttons',
          action_id: 'radio',
          options: [option('r1'), option('r2')],
          initial_option: option('r1'),
        },
        { type: 'workflow_button', action_id: 'flow', text: plain('Run workflow'), workflow: {} },
        { type: 'mystery_widget', action_id: 'm' },
      ],
    },
  ]);

  it('makes every element one control with the contract attributes', () => {
    const found = controls(html);
    expect(found.map((tag) => tag.attrs['data-action-id'])).toEqual([
      'ok',
      'no',
      'web',
      'evil',
      'pick',
      'more',
      'who',
      'where',
      'chan',
      'many',
      'day',
      'time',
      'ticks',
      'radio',
      'flow',
    ]);
    for (const tag of found) {
      expect(tag.attrs['data-block-id']).toBe('acts');
      expect(tag.attrs['data-element-type']).toBe(elementOf(tag)['type']);
      expect(tag.attrs['data-input-block']).toBeUndefined();
    }
    expect(found.map((tag) => tag.name)).toEqual([
      'button',
      'button',
      'button',
      'button',
      'select',
      'select',
      'select',
      'select',
      'select',
      'select',
      'input',
      'input',
      'fieldset',
      'fieldset',
      'button',
    ]);
  });

  it('carries the element JSON (value, style, confirm) escaped in data-element', () => {
    const ok = byTestId(html, 'button:ok');
    expect(elementOf(ok)).toMatchObject({ value: 'v"1', style: 'primary', confirm });
    expect(ok.attrs['class']).toBe('bk-interactive bk-button bk-button-primary');
    expect(byTestId(html, 'button:no').attrs['class']).toContain('bk-button-danger');
  });

  it('draws a url button as a link-looking button with data-url, and drops unsafe urls', () => {
    const web = byTestId(html, 'button:web');
    expect(web.attrs['data-url']).toBe('https://docs.test/a?b=1&c=2');
    expect(web.attrs['class']).toContain('bk-button-url');
    expect(byTestId(html, 'button:evil').attrs['data-url']).toBeUndefined();
  });

  it('fills a static_select from option groups with a placeholder selected', () => {
    const pick = byTestId(html, 'select:pick');
    expect(optionsOf(html, pick)).toEqual([
      { value: '', label: 'Pick one', selected: true },
      { value: 'a', label: 'A', selected: false },
      { value: 'b"', label: 'B', selected: false },
    ]);
    expect(html).toContain('<optgroup label="Group &lt;1&gt;">');
  });

  it('draws an overflow as a ⋯ menu of its option values', () => {
    const more = byTestId(html, 'select:more');
    expect(optionsOf(html, more).map((item) => item.label)).toEqual(['⋯', 'x', 'y']);
    expect(html).toContain('<option value="y" data-url="https://y.test">y</option>');
  });

  it('lists the initial user and channel by name, with their ids as values', () => {
    expect(optionsOf(html, byTestId(html, 'select:who'))).toEqual([
      { value: '', label: 'Someone', selected: false },
      { value: 'U0BOB', label: 'bob', selected: true },
    ]);
    expect(optionsOf(html, byTestId(html, 'select:chan'))[1]).toEqual({
      value: 'C0ALERTS',
      label: 'alerts',
      selected: true,
    });
  });

  it('offers the context’s people and channels when it lists them', () => {
    const withDirectory = renderBlocks(
      [
        {
          type: 'actions',
          elements: [
            { type: 'users_select', action_id: 'who' },
            { type: 'conversations_select', action_id: 'where' },
          ],
        },
      ],
      {
        ...CONTEXT,
        users: () => [
          { id: 'U0ALICE', name: 'alice' },
          { id: 'U0BOB', name: 'bob' },
        ],
        channels: () => [{ id: 'C0ALERTS', name: 'alerts' }],
      },
    );
    expect(optionsOf(withDirectory, byTestId(withDirectory, 'select:who')).map((item) => item.value)).toEqual(
      ['', 'U0ALICE', 'U0BOB'],
    );
    expect(
      optionsOf(withDirectory, byTestId(withDirectory, 'select:where')).map((item) => item.value),
    ).toEqual(['', 'C0ALERTS']);
  });

  it('selects a multi_static_select’s initial options without a placeholder', () => {
    const many = byTestId(html, 'select:many');
    expect('multiple' in many.attrs).toBe(true);
    expect(optionsOf(html, many)).toEqual([
      { value: '1', label: '1', selected: false },
      { value: '2', label: '2', selected: true },
    ]);
  });

  it('draws pickers as native date and time inputs holding the initial value', () => {
    expect(byTestId(html, 'input:day').attrs).toMatchObject({ type: 'date', value: '2026-11-22' });
    expect(byTestId(html, 'input:time').attrs).toMatchObject({ type: 'time', value: '09:30' });
  });

  it('draws checkboxes and radio buttons as a fieldset of inputs valued by option value', () => {
    const boxes = tags(html, 'input').filter((tag) => tag.attrs['type'] === 'checkbox');
    expect(boxes.map((tag) => [tag.attrs['value'], 'checked' in tag.attrs])).toEqual([
      ['t1', false],
      ['t2', true],
    ]);
    const radios = tags(html, 'input').filter((tag) => tag.attrs['type'] === 'radio');
    expect(radios.map((tag) => [tag.attrs['value'], 'checked' in tag.attrs])).toEqual([
      ['r1', true],
      ['r2', false],
    ]);
    expect(new Set(radios.map((tag) => tag.attrs['name'])).size).toBe(1);
  });

  it('labels an element it does not know', () => {
    expect(html).toContain(
      '<span class="bk-unsupported bk-unsupported-element" data-element-type="mystery_widget">',
    );
    expect(textOf(html)).toContain('unsupported element: mystery_widget');
  });
});

describe('input blocks', () => {
  const input = (blockId: string, element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: 'input',
    block_id: blockId,
    label: plain(`Label ${blockId}`),
    element,
    ...extra,
  });
  const html = render([
    input('num', {
      type: 'number_input',
      action_id: 'n',
      is_decimal_allowed: false,
      min_value: '1',
      max_value: '35',
      initial_value: '7',
    }),
    input(
      'mail',
      { type: 'email_text_input', action_id: 'e', placeholder: plain('you@x.test') },
      { optional: true },
    ),
    input('link', { type: 'url_text_input', action_id: 'u' }),
    input('when', { type: 'datetimepicker', action_id: 'dt', initial_date_time: 1795338000 }),
    input('rich', {
      type: 'rich_text_input',
      action_id: 'rt',
      initial_value: {
        type: 'rich_text',
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'hi <b>' }] }],
      },
    }),
    input('files', { type: 'file_input', action_id: 'f', filetypes: ['png', 'log'], max_files: 2 }),
    input(
      'pick',
      { type: 'checkboxes', action_id: 'c', options: [option('a')] },
      {
        hint: plain('Tick what applies'),
        dispatch_action: true,
      },
    ),
    input('who', { type: 'multi_users_select', action_id: 'users', initial_users: ['U0ALICE'] }),
  ]);

  it('marks every control as an input-block control with its optional flag', () => {
    const found = controls(html);
    expect(
      found.map((tag) => [
        tag.attrs['data-block-id'],
        tag.attrs['data-input-block'],
        tag.attrs['data-optional'],
      ]),
    ).toEqual([
      ['num', 'true', 'false'],
      ['mail', 'true', 'true'],
      ['link', 'true', 'false'],
      ['when', 'true', 'false'],
      ['rich', 'true', 'false'],
      ['files', 'true', 'false'],
      ['pick', 'true', 'false'],
      ['who', 'true', 'false'],
    ]);
  });

  it('labels each control with a real <label for>, "(optional)" where it is', () => {
    for (const tag of controls(html)) {
      const label = tags(html, 'label').find((candidate) => candidate.attrs['for'] === tag.attrs['id']);
      expect(label, `label for ${tag.attrs['id']}`).toBeDefined();
    }
    expect(html).toContain('Label mail <span class="bk-optional">(optional)</span></label>');
  });

  it('draws a number input with its bounds and whole-number step', () => {
    expect(byTestId(html, 'input:n').attrs).toMatchObject({
      type: 'number',
      min: '1',
      max: '35',
      step: '1',
      value: '7',
    });
  });

  it('draws email and url inputs as their native types, with the placeholder', () => {
    expect(byTestId(html, 'input:e').attrs).toMatchObject({ type: 'email', placeholder: 'you@x.test' });
    expect(byTestId(html, 'input:u').attrs['type']).toBe('url');
  });

  it('draws a datetimepicker as datetime-local at the initial instant, in the reader’s zone', () => {
    const date = new Date(1795338000 * 1000);
    const two = (n: number) => String(n).padStart(2, '0');
    const local = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
    expect(byTestId(html, 'input:dt').attrs).toMatchObject({ type: 'datetime-local', value: local });
  });

  it('draws a rich_text_input as a textarea holding its text, escaped', () => {
    const rich = byTestId(html, 'input:rt');
    expect(rich.name).toBe('textarea');
    expect(innerOf(html, rich)).toBe('hi &lt;b&gt;');
  });

  it('draws a file_input with the allowed types', () => {
    expect(byTestId(html, 'input:f').attrs).toMatchObject({
      type: 'file',
      accept: '.png,.log',
      multiple: '',
    });
  });

  it('ties a checkbox fieldset to its label, keeps the hint and flags dispatch_action', () => {
    const pick = byTestId(html, 'input:c');
    expect(pick.name).toBe('fieldset');
    expect(pick.attrs['aria-labelledby']).toBe(`${pick.attrs['id']}-label`);
    expect(pick.attrs['data-dispatch-action']).toBe('true');
    expect(html).toContain('<div class="bk-hint">Tick what applies</div>');
  });

  it('draws a multi_users_select with the initial people selected', () => {
    const who = byTestId(html, 'select:users');
    expect(optionsOf(html, who)).toEqual([{ value: 'U0ALICE', label: 'alice', selected: true }]);
  });
});
