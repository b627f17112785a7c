import { describe, expect, it } from 'vitest';
import { validateView } from '../../../sandbox/slack/view-rules.ts';

const plain = (text: string) => ({ type: 'plain_text', text });
const modal = (overrides: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Declare incident'),
  submit: plain('Declare'),
  close: plain('Cancel'),
  callback_id: 'declare',
  blocks: [
    {
      type: 'input',
      block_id: 'title',
      label: plain('Title'),
      element: { type: 'plain_text_input', action_id: 'value', max_length: 150 },
    },
  ],
  ...overrides,
});

describe('view rules', () => {
  it('accepts a well-formed modal', () => {
    expect(validateView(modal(), 'modal')).toEqual([]);
  });

  it('limits the modal title to 24 characters of plain_text', () => {
    expect(validateView(modal({ title: plain('t'.repeat(24)) }), 'modal')).toEqual([]);
    expect(validateView(modal({ title: plain('t'.repeat(25)) }), 'modal')).toEqual([
      'must be less than 25 characters [json-pointer:/view/title/text]',
    ]);
    expect(validateView(modal({ title: { type: 'mrkdwn', text: 'x' } }), 'modal')[0]).toContain(
      'must be plain_text',
    );
  });

  it('needs a title on a modal', () => {
    const { title: _title, ...untitled } = modal();
    expect(validateView(untitled, 'modal')).toEqual(['missing required field: title [json-pointer:/view]']);
  });

  it('limits submit and close to 24 characters', () => {
    expect(validateView(modal({ submit: plain('s'.repeat(25)) }), 'modal')[0]).toContain('/view/submit/text');
    expect(validateView(modal({ close: plain('c'.repeat(25)) }), 'modal')[0]).toContain('/view/close/text');
  });

  it('needs submit when the modal has input blocks', () => {
    const { submit: _submit, ...noSubmit } = modal();
    expect(validateView(noSubmit, 'modal')[0]).toContain('missing required field: submit');
  });

  it('limits callback_id to 255 and private_metadata to 3000 characters', () => {
    expect(validateView(modal({ callback_id: 'c'.repeat(256) }), 'modal')[0]).toContain('/view/callback_id');
    expect(validateView(modal({ private_metadata: 'p'.repeat(3000) }), 'modal')).toEqual([]);
    expect(validateView(modal({ private_metadata: 'p'.repeat(3001) }), 'modal')[0]).toContain(
      'must be less than 3001 characters [json-pointer:/view/private_metadata]',
    );
  });

  it('allows 100 blocks and refuses 101, with pointers under /view/blocks', () => {
    const blocks = (count: number) => Array.from({ length: count }, () => ({ type: 'divider' }));
    expect(validateView(modal({ blocks: blocks(100) }), 'modal')).toEqual([]);
    expect(validateView(modal({ blocks: blocks(101) }), 'modal')).toEqual([
      'no more than 100 items allowed [json-pointer:/view/blocks]',
    ]);
  });

  it('checks the type: modal for views.open, home for views.publish', () => {
    expect(validateView({ type: 'home', blocks: [] }, 'home')).toEqual([]);
    expect(validateView(modal(), 'home')[0]).toContain('unsupported type: modal, expected home');
    expect(validateView({ type: 'workflow_step', blocks: [] }, 'modal')[0]).toContain('unsupported type');
  });

  it('refuses unknown view properties', () => {
    expect(validateView(modal({ colour: 'red' }), 'modal')).toEqual([
      'invalid additional property: colour [json-pointer:/view]',
    ]);
  });
});
