import { describe, expect, it } from 'vitest';
import { handleNoteSubmission } from '../../../handlers/views/note-submission.ts';
import { validateBlocks } from '../../../sandbox/slack/block-kit-rules.ts';
import { buildNoteModal } from '../../../src/incidents/incident-modals.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import { textState } from '../actions/slack-interactions.ts';
import { submission, viewArgs, viewFixture } from './view-fixture.ts';

async function setUp() {
  const fixture = await viewFixture();
  const modal = buildNoteModal(fixture.incident, { channelId: 'C0ALERTS' });
  const note = (text: string | null, viewId = 'V0NOTE1') =>
    submission(modal, { [BLOCK_IDS.noteInput]: { [ACTION_IDS.noteText]: textState(text) } }, { viewId });
  const notes = async () =>
    (await fixture.store.listTimeline(fixture.incident.seq)).filter((entry) => entry.kind === 'note');
  return { ...fixture, modal, note, notes };
}

describe('the Add note form', () => {
  it('states its 3,000-character limit under the field, and where a longer note goes', async () => {
    const { modal } = await setUp();
    expect(validateBlocks(modal.blocks, 'modal')).toEqual([]);
    const input = modal.blocks.find((block) => block.type === 'input') as { hint?: { text: string } };
    expect(input.hint?.text).toBe(
      'Up to 3,000 characters; the rest of a longer paste is dropped. For a longer note use /incident note INC-1 <text> (up to 20,000), or add several notes.',
    );
  });
});

describe('handleNoteSubmission', () => {
  it('keeps the modal open with a message under the note when it is empty or blank', async () => {
    const { viewDeps, note, notes } = await setUp();
    for (const text of [null, '   \n ']) {
      const { args, acks } = viewArgs(note(text));
      await handleNoteSubmission(viewDeps, args);
      expect(acks).toEqual([
        { response_action: 'errors', errors: { [BLOCK_IDS.noteInput]: 'Write the note before adding it.' } },
      ]);
    }
    expect(await notes()).toEqual([]);
  });

  it('keeps the modal open when it has lost its incident (private_metadata unreadable)', async () => {
    const { viewDeps, note } = await setUp();
    const body = note('checked the slow query log');
    const { args, acks } = viewArgs({
      ...body,
      view: { ...(body['view'] as object), private_metadata: '{oops' },
    });
    await handleNoteSubmission(viewDeps, args);
    expect(acks[0]).toMatchObject({
      response_action: 'errors',
      errors: { [BLOCK_IDS.noteInput]: expect.any(String) },
    });
  });

  it('closes the modal, then writes one note naming the user and tells them in the channel', async () => {
    const { viewDeps, slack, note, notes } = await setUp();
    const { args, acks } = viewArgs(note('  checked the slow query log  '));
    await handleNoteSubmission(viewDeps, args);
    expect(acks).toEqual([undefined]);
    expect(await notes()).toMatchObject([{ actor: 'U0ALICE', text: 'checked the slow query log' }]);
    expect(slack.ephemerals).toEqual([
      { channel: 'C0ALERTS', user: 'U0ALICE', text: 'INC-1: your note is on the timeline.' },
    ]);
  });

  it('adds the note once when the same modal is submitted twice', async () => {
    const { viewDeps, slack, note, notes } = await setUp();
    await handleNoteSubmission(viewDeps, viewArgs(note('one')).args);
    await handleNoteSubmission(viewDeps, viewArgs(note('one')).args);
    expect(await notes()).toHaveLength(1);
    expect(slack.ephemerals).toHaveLength(1);
    await handleNoteSubmission(viewDeps, viewArgs(note('one', 'V0NOTE2')).args);
    expect(await notes()).toHaveLength(2);
  });

  it('quotes the note back with a reference when it could not be saved', async () => {
    const { viewDeps, slack, store, note } = await setUp();
    store.close();
    const failed = await handleNoteSubmission(viewDeps, viewArgs(note('precious words')).args).catch(
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(Error);
    expect(slack.ephemerals[0]?.text).toMatch(
      /reference [0-9a-f]{8}\)\. What you entered:\n> precious words$/,
    );
  });
});
