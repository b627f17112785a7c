import { describe, expect, it } from 'vitest';
import { handleResolveSubmission } from '../../../handlers/views/resolve-submission.ts';
import { buildResolveModal } from '../../../src/incidents/incident-modals.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import { textState } from '../actions/slack-interactions.ts';
import { submission, viewArgs, viewFixture } from './view-fixture.ts';

async function setUp(options: Parameters<typeof viewFixture>[0] = {}) {
  const fixture = await viewFixture(options);
  const modal = buildResolveModal(fixture.incident, { channelId: 'C0ALERTS' });
  const resolveWith = (summary: string | null, userId = 'U0ALICE') =>
    submission(
      modal,
      { [BLOCK_IDS.summaryInput]: { [ACTION_IDS.summaryText]: textState(summary) } },
      { userId },
    );
  return { ...fixture, resolveWith };
}

describe('handleResolveSubmission', () => {
  it('keeps the modal open until there is a summary', async () => {
    const { viewDeps, store, incident, resolveWith } = await setUp();
    const { args, acks } = viewArgs(resolveWith(''));
    await handleResolveSubmission(viewDeps, args);
    expect(acks[0]).toEqual({
      response_action: 'errors',
      errors: { [BLOCK_IDS.summaryInput]: 'Say what happened and what fixed it.' },
    });
    expect((await store.getIncident(incident.seq))?.status).toBe('open');
  });

  it('closes the modal, resolves with the summary and reports the change', async () => {
    const { viewDeps, slack, store, incident, resolveWith } = await setUp();
    const { args, acks } = viewArgs(resolveWith('killed the runaway batch job'));
    await handleResolveSubmission(viewDeps, args);
    expect(acks).toEqual([undefined]);
    expect(await store.getIncident(incident.seq)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'U0ALICE',
      summary: 'killed the runaway batch job',
    });
    expect(slack.ephemerals[0]?.text).toBe(
      'INC-1: you resolved the incident: killed the runaway batch job (open → resolved).\nResolved in 30 min · impact lasted 30 min.',
    );
  });

  it('reports a refusal naming the permission, and leaves the incident open', async () => {
    const { viewDeps, slack, store, incident, resolveWith } = await setUp({
      permissions: { resolve: ['U0ALICE'] },
    });
    await handleResolveSubmission(viewDeps, viewArgs(resolveWith('done', 'U0BOB')).args);
    expect(slack.ephemerals[0]).toMatchObject({
      user: 'U0BOB',
      text: expect.stringContaining('`resolve` permission'),
    });
    expect((await store.getIncident(incident.seq))?.status).toBe('open');
  });
});
