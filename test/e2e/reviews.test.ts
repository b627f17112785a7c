import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { signedMessage, signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import {
  ALERT_CHANNEL,
  type Harness,
  type HarnessOptions,
  startHarness,
} from '../support/warroom-harness.ts';

let harness: Harness;
afterEach(async () => {
  await harness.stop();
});

async function start(options: HarnessOptions = {}) {
  // Late on the 6th: the incident is resolved on the 8th, so every duration crosses days.
  const clock = new ManualClock(new Date('2026-12-06T23:20:00Z'));
  harness = await startHarness({ clock, ...options });
  const [cpu] = signedOrdersDbScenario(new Date('2026-12-06T23:12:00Z'));
  expect((await harness.postSns(cpu!.body)).status).toBe(200);
  await harness.warroom.settled();
  return { clock, clicker: cardClicker(harness) };
}

const thread = (ts: string) =>
  harness.slack.messages(ALERT_CHANNEL).filter((message) => message.thread_ts === ts);
const blockOf = (blocks: unknown, id: string) =>
  JSON.stringify(
    ((blocks ?? []) as Array<{ block_id?: string }>).find((block) => block.block_id === id) ?? null,
  );

describe('the post-incident review, through the real app', () => {
  it('is drafted as a canvas on resolve, regenerated on request, and frozen once complete', async () => {
    const { clock, clicker } = await start();
    await runIncidentCommand(harness, 'ack INC-1');
    clock.set('2026-12-08T09:40:00Z');
    await runIncidentCommand(harness, 'resolve INC-1 failed over to the replica');
    await clicker.settled();

    const [canvas] = harness.slack.canvases();
    expect(harness.slack.canvases()).toHaveLength(1);
    expect(canvas).toMatchObject({
      title: 'Review INC-1: CPUUtilization > 80 % on orders-db',
      isChannelCanvas: false,
    });
    expect(canvas?.access.get(ALERT_CHANNEL)).toBe('read');
    for (const heading of [
      '## Summary and impact',
      '## Who was paged and who responded',
      '## Runbook runs',
      '## Full timeline',
      '## Follow-ups',
      '### Detection',
      '### Prevention',
    ])
      expect(canvas?.markdown).toContain(heading);
    expect(canvas?.markdown).toContain('| Time to resolve | 1 d 10 h |');
    expect(canvas?.markdown).toContain('| Resolved | 2026-12-08 09:40 UTC by ![](@');
    // Told in the card's thread, with the link and the button that completes it.
    const card = clicker.card(1);
    const [message] = thread(card.ts).filter((reply) =>
      reply.text.startsWith('📝 Post-incident review drafted'),
    );
    expect(message?.text).toContain(`https://warroom.slack.com/docs/T0WARROOM/${canvas?.id}`);
    expect(JSON.stringify(message?.blocks)).toContain(ACTION_IDS.completeReview);
    expect(blockOf(card.blocks, BLOCK_IDS.cardReview)).toContain('📝 Review draft');
    expect(JSON.stringify(card.blocks)).toContain('Regenerate review');

    // A correction after the resolve reaches the review when it is regenerated; still one canvas.
    await runIncidentCommand(harness, 'started INC-1 2026-12-06T23:00:00Z');
    const regenerated = await runIncidentCommand(harness, 'review INC-1');
    expect(regenerated.reply.text).toContain('Regenerated the review of INC-1');
    expect(harness.slack.canvases()).toHaveLength(1);
    expect(harness.slack.canvases()[0]?.markdown).toContain('| Impact started | 2026-12-06 23:00 UTC |');

    const done = await clicker.click(message as never, 'U0BOB', ACTION_IDS.completeReview);
    await clicker.settled();
    expect(clicker.replies(done.responseUrl)).toEqual([
      '✅ Marked the review of INC-1 complete: it is frozen, and the card says so.',
    ]);
    const frozen = clicker.card(1);
    expect(blockOf(frozen.blocks, BLOCK_IDS.cardReview)).toContain('✅ Review complete by <@U0BOB>');
    expect(JSON.stringify(frozen.blocks)).not.toContain(ACTION_IDS.review);
    const edits = harness.slack.callsTo('canvases.edit').length;
    const again = await runIncidentCommand(harness, 'review INC-1');
    expect(again.reply.text).toContain('was marked complete by <@U0BOB>: it is no longer regenerated');
    expect(harness.slack.callsTo('canvases.edit')).toHaveLength(edits);
    expect((await runIncidentCommand(harness, 'review INC-1 done')).reply.text).toBe(
      'The review of INC-1 was already marked complete by <@U0BOB>.',
    );
  });

  it('goes as a Markdown file in the card thread where the workspace allows no canvases', async () => {
    const { clicker } = await start({ slackWorkspace: { canvases: 'free' } });
    await runIncidentCommand(harness, 'resolve INC-1 done');
    await clicker.settled();
    expect(harness.slack.canvases()).toEqual([]);
    const file = harness.slack.files().find((candidate) => candidate.filename === 'review-INC-1.md');
    const markdown = file?.bytes?.toString() ?? '';
    expect(markdown).toContain('# Post-incident review: INC-1');
    // A file names people (no canvas mentions there).
    expect(markdown).not.toContain('![](@');
    const card = clicker.card(1);
    expect(thread(card.ts).some((reply) => reply.files?.some((shared) => shared.id === file?.id))).toBe(true);
    expect(blockOf(card.blocks, BLOCK_IDS.cardReview)).toContain('Markdown file');
  });

  it('tells the thread when the review could not be drafted, never silently', async () => {
    const { clicker } = await start({
      slackWorkspace: { canvases: 'free' },
      slackScopes: [
        'chat:write',
        'chat:write.public',
        'channels:history',
        'users:read',
        'usergroups:read',
        'commands',
      ],
    });
    await runIncidentCommand(harness, 'resolve INC-1 done');
    await clicker.settled();
    const card = clicker.card(1);
    const told = thread(card.ts).find((reply) =>
      reply.text.startsWith('⚠️ Could not draft the post-incident review of INC-1'),
    );
    expect(told?.text).toContain('`/incident review INC-1` tries again');
  });

  it('links the review in Incident Manager as a related item and a timeline event', async () => {
    const clock = new ManualClock(new Date('2026-12-06T23:20:00Z'));
    harness = await startHarness({ clock });
    harness.aws.state.incidents.addResponsePlan({ name: 'db', title: 'Database incident', impact: 3 });
    const recordArn = harness.aws.state.incidents.addIncidentRecord({
      title: 'Orders DB degraded',
      impact: 3,
      responsePlanName: 'db',
    });
    const pointer = signedMessage(`Incident ${recordArn} started from response plan db`, {
      subject: 'Incident Manager',
    });
    expect((await harness.postSns(pointer.body)).status).toBe(200);
    await harness.warroom.settled();
    await runIncidentCommand(harness, 'resolve INC-1 fixed');
    await cardClicker(harness).settled();
    const canvas = harness.slack.canvases()[0];
    const inputs = (operation: string) =>
      harness.aws
        .requestsTo('ssm-incidents', operation)
        .filter((request) => !request.error)
        .map((request) => request.input as Record<string, unknown>);
    expect(inputs('UpdateRelatedItems')).toContainEqual(
      expect.objectContaining({
        incidentRecordArn: recordArn,
        relatedItemsUpdate: {
          itemToAdd: {
            identifier: {
              type: 'OTHER',
              value: { url: `https://warroom.slack.com/docs/T0WARROOM/${canvas?.id}` },
            },
            title: 'Post-incident review INC-1',
          },
        },
      }),
    );
    expect(inputs('CreateTimelineEvent').map((event) => String(event['eventData']))).toContainEqual(
      expect.stringContaining(
        'warroom itself drafted the post-incident review: https://warroom.slack.com/docs/',
      ),
    );
  });
});
