import { describe, expect, it } from 'vitest';
import { handleReopenSubmission } from '../../../handlers/views/reopen-submission.ts';
import { buildReopenModal } from '../../../src/incidents/incident-modals.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import { textState } from '../actions/slack-interactions.ts';
import { submission, viewArgs, viewFixture } from './view-fixture.ts';

async function setUp() {
  const fixture = await viewFixture();
  const resolved = await fixture.deps.triage.perform(
    fixture.incident.seq,
    { kind: 'resolve', summary: 'restarted the writer' },
    { userId: 'U0ALICE' },
  );
  if (resolved.kind !== 'changed') throw new Error('setup: resolve failed');
  const modal = buildReopenModal(resolved.incident, { channelId: 'C0ALERTS' });
  const reopenWith = (reason: string | null) =>
    submission(
      modal,
      { [BLOCK_IDS.reasonInput]: { [ACTION_IDS.reasonText]: textState(reason) } },
      {
        userId: 'U0BOB',
        viewId: 'V0REOPEN1',
      },
    );
  return { ...fixture, reopenWith };
}

describe('handleReopenSubmission', () => {
  it('keeps the modal open, and the incident resolved, until there is a reason', async () => {
    const { viewDeps, store, incident, reopenWith } = await setUp();
    const { args, acks } = viewArgs(reopenWith(''));
    await handleReopenSubmission(viewDeps, args);
    expect(acks[0]).toEqual({
      response_action: 'errors',
      errors: {
        [BLOCK_IDS.reasonInput]: 'Say why it is reopened: the reason stays with the resolution it undoes.',
      },
    });
    expect((await store.getIncident(incident.seq))?.status).toBe('resolved');
  });

  it('reopens with the reason, keeping the undone resolution and its timeline entry', async () => {
    const { viewDeps, store, slack, incident, reopenWith } = await setUp();
    const { args, acks } = viewArgs(reopenWith('errors are back'));
    await handleReopenSubmission(viewDeps, args);
    expect(acks).toEqual([undefined]);
    const reopened = await store.getIncident(incident.seq);
    expect(reopened?.status).toBe('open');
    expect(reopened?.resolvedAt).toBeUndefined();
    expect(reopened?.summary).toBeUndefined();
    expect(reopened?.resolutions).toEqual([
      expect.objectContaining({
        resolvedBy: 'U0ALICE',
        summary: 'restarted the writer',
        reopenedBy: 'U0BOB',
        reason: 'errors are back',
      }),
    ]);
    const texts = (await store.listTimeline(incident.seq)).map((entry) => entry.text);
    expect(texts).toContain('resolved the incident: restarted the writer');
    expect(texts.at(-1)).toBe('reopened the incident: errors are back');
    expect(slack.ephemerals[0]?.text).toBe(
      'INC-1: you reopened the incident: errors are back (resolved → open).',
    );
  });
});
