import { describe, expect, it } from 'vitest';
import { ModalStacks } from '../../sandbox/workspace/modal-stacks.ts';
import { ManualClock } from '../../src/clock.ts';

const view = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'modal',
  hash: `h-${id}`,
  root_view_id: id,
  previous_view_id: null,
  title: { type: 'plain_text', text: id },
  blocks: [],
  ...extra,
});

function stacksWith(...ids: string[]): ModalStacks {
  const stacks = new ModalStacks(new ManualClock());
  stacks.opened('U0ALICE', view(ids[0] ?? 'V1'));
  for (const id of ids.slice(1)) stacks.pushed('U0ALICE', view(id));
  return stacks;
}

const ids = (stacks: ModalStacks) => stacks.stack('U0ALICE').map((modal) => modal.view['id']);

describe('modal stacks in the sandbox workspace', () => {
  it('closes only the submitted view on a plain ack', () => {
    const stacks = stacksWith('V1', 'V2');
    expect(stacks.applySubmissionAnswer('U0ALICE', 'V2', '')).toBeUndefined();
    expect(ids(stacks)).toEqual(['V1']);
  });

  it('keeps the view open with the errors warroom gave, per block', () => {
    const stacks = stacksWith('V1');
    stacks.applySubmissionAnswer(
      'U0ALICE',
      'V1',
      JSON.stringify({ response_action: 'errors', errors: { summary: 'Say what happened.' } }),
    );
    expect(stacks.stack('U0ALICE')).toEqual([
      expect.objectContaining({ errors: { summary: 'Say what happened.' } }),
    ]);
  });

  it('updates in place (same id, new hash), pushes on top, and clears the whole stack', () => {
    const stacks = stacksWith('V1');
    stacks.applySubmissionAnswer(
      'U0ALICE',
      'V1',
      JSON.stringify({ response_action: 'update', view: view('x') }),
    );
    const updated = stacks.stack('U0ALICE')[0]?.view;
    expect(updated).toMatchObject({ id: 'V1', title: { text: 'x' }, root_view_id: 'V1' });
    expect(updated?.['hash']).not.toBe('h-V1');
    stacks.applySubmissionAnswer(
      'U0ALICE',
      'V1',
      JSON.stringify({ response_action: 'push', view: view('y') }),
    );
    expect(stacks.stack('U0ALICE')).toHaveLength(2);
    expect(stacks.stack('U0ALICE')[1]?.view).toMatchObject({ previous_view_id: 'V1', root_view_id: 'V1' });
    stacks.applySubmissionAnswer('U0ALICE', 'V1', JSON.stringify({ response_action: 'clear' }));
    expect(stacks.stack('U0ALICE')).toEqual([]);
  });

  it('says so when warroom answers something Slack would refuse, and leaves the modal open', () => {
    const stacks = stacksWith('V1');
    expect(stacks.applySubmissionAnswer('U0ALICE', 'V1', 'not json')).toMatch(/not JSON/);
    expect(stacks.applySubmissionAnswer('U0ALICE', 'V1', '{"response_action":"errors"}')).toMatch(/refuse/);
    expect(ids(stacks)).toEqual(['V1']);
  });

  it('replaces a view wherever it is shown when the app calls views.update', () => {
    const stacks = stacksWith('V1', 'V2');
    stacks.applySubmissionAnswer(
      'U0ALICE',
      'V2',
      JSON.stringify({ response_action: 'errors', errors: { a: 'b' } }),
    );
    stacks.updated(view('V2', { title: { type: 'plain_text', text: 'new' } }));
    expect(stacks.stack('U0ALICE')[1]).toEqual({
      view: expect.objectContaining({ title: { type: 'plain_text', text: 'new' } }),
      errors: {},
    });
  });
});
