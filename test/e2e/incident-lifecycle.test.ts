import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
// Late on the 6th: the incident runs into the 8th, so every duration crosses days.
const clock = new ManualClock(new Date('2026-12-06T23:20:00Z'));
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock });
});

afterAll(async () => {
  await harness.stop();
});

const card = () => cardClicker(harness).card(1);
const cardBlocks = () =>
  (card().blocks ?? []) as Array<{ block_id?: string; elements?: Array<{ action_id?: string }> }>;
const blockText = (blockId: string) =>
  JSON.stringify(cardBlocks().find((block) => block.block_id === blockId) ?? null);
const actionIds = () =>
  (cardBlocks().find((block) => block.block_id === BLOCK_IDS.cardActions)?.elements ?? []).map(
    (element) => element.action_id,
  );
const metricsText = async () => (await fetch(`${harness.warroom.url}/metrics`)).text();

describe('an incident spanning two days, through the real app', () => {
  it('keeps its times, shows its durations, refuses impossible edits, and reopens with a reason', async () => {
    // The alarm changed state at 23:12; warroom receives it at 23:20.
    const [cpu] = signedOrdersDbScenario(new Date('2026-12-06T23:12:00Z'));
    expect((await harness.postSns(cpu!.body)).status).toBe(200);
    await harness.warroom.settled();
    expect(blockText(BLOCK_IDS.cardDurations)).toBe('null');

    clock.advance(12 * MINUTE);
    const clicker = cardClicker(harness);
    await clicker.click(card(), 'U0ALICE', ACTION_IDS.acknowledge);
    await clicker.settled();
    expect(blockText(BLOCK_IDS.cardDurations)).toContain('⏱️ Acknowledged in 12 min');

    const future = await runIncidentCommand(harness, 'started INC-1 23:40');
    expect(future.reply.text).toBe(
      '2026-12-06 23:40 UTC is in the future (it is 2026-12-06 23:32 UTC); impact on INC-1 cannot start then.',
    );
    const late = await runIncidentCommand(harness, 'started INC-1 2026-12-06 23:25');
    expect(late.reply.text).toContain(
      'INC-1 was detected at 2026-12-06 23:20 UTC, 5 min before 2026-12-06 23:25 UTC: impact cannot start after it was detected',
    );
    const unreadable = await runIncidentCommand(harness, 'started INC-1 around eleven');
    expect(unreadable.reply.text).toContain('Nothing changed. "around eleven" is not a time I can read');
    const set = await runIncidentCommand(harness, 'started INC-1 2026-12-06T23:05:00Z');
    expect(set.reply.text).toBe(
      'INC-1: you set when impact started (2026-12-06 23:12 UTC → 2026-12-06 23:05 UTC).',
    );

    // Resolved on the 8th at 09:40: 1 d 10 h 20 min after detection, 1 d 10 h 35 min of impact.
    clock.set('2026-12-08T09:40:00Z');
    const resolved = await runIncidentCommand(harness, 'resolve INC-1 failed over to the replica');
    expect(resolved.reply.text).toBe(
      'INC-1: you resolved the incident: failed over to the replica (acknowledged → resolved).\nAcknowledged in 12 min · resolved in 1 d 10 h · impact lasted 1 d 10 h.',
    );
    await harness.warroom.settled();
    const header = JSON.stringify(cardBlocks()[0]);
    expect(header).toContain('✅ INC-1');
    expect(blockText(BLOCK_IDS.cardSummary)).toContain('*✅ Resolved* <!date^');
    expect(blockText(BLOCK_IDS.cardSummary)).toContain(
      'by <@U0ALICE>, 1 d 10 h after it was opened\\nfailed over to the replica',
    );
    expect(actionIds()).toEqual([ACTION_IDS.reopen, ACTION_IDS.review]);

    const show = await runIncidentCommand(harness, 'show INC-1');
    expect(show.all).toContain(
      '*Durations*\\nAcknowledged in 12 min · resolved in 1 d 10 h · impact lasted 1 d 10 h',
    );

    clock.advance(5 * MINUTE);
    // "yesterday" on the 8th is the 7th: after detection, so refused.
    const yesterday = await runIncidentCommand(harness, 'started INC-1 yesterday 23:00');
    expect(yesterday.reply.text).toContain(
      'before 2026-12-07 23:00 UTC: impact cannot start after it was detected',
    );

    expect(await metricsText()).toContain('warroom_time_to_resolve_seconds_sum{impact="3"} 123600');
    expect(await metricsText()).toContain('warroom_time_to_acknowledge_seconds_sum{impact="3"} 720');

    // Reopen asks why; an empty reason keeps the form open and the incident resolved.
    await clicker.click(card(), 'U0BOB', ACTION_IDS.reopen);
    await clicker.settled();
    const modal = clicker.openModal('U0BOB');
    const empty = await clicker.submit(modal, 'U0BOB', {
      [BLOCK_IDS.reasonInput]: { [ACTION_IDS.reasonText]: { type: 'plain_text_input', value: '' } },
    });
    expect(empty.body).toContain('Say why it is reopened');
    expect((await harness.warroom.store.getIncident(1))?.status).toBe('resolved');
    await clicker.submit(modal, 'U0BOB', {
      [BLOCK_IDS.reasonInput]: {
        [ACTION_IDS.reasonText]: { type: 'plain_text_input', value: 'replica lag alarms again' },
      },
    });
    await clicker.settled();
    expect((await harness.warroom.store.getIncident(1))?.status).toBe('acknowledged');
    expect(blockText(BLOCK_IDS.cardReopened)).toContain('by <@U0BOB>: replica lag alarms again');
    expect(blockText(BLOCK_IDS.cardReopened)).toContain('by <@U0ALICE>: failed over to the replica');
    expect(blockText(BLOCK_IDS.cardDurations)).toContain('Acknowledged in 12 min"');
    const timeline = (await harness.warroom.store.listTimeline(1)).map((entry) => entry.text);
    expect(timeline).toContain('resolved the incident: failed over to the replica');
    expect(timeline).toContain('reopened the incident: replica lag alarms again');

    // Resolved again an hour later: the resolve time counts the reopened hour in; /metrics does not count it twice.
    clock.advance(60 * MINUTE);
    await runIncidentCommand(harness, 'resolve INC-1 raised the replica class');
    const times = await runIncidentCommand(harness, 'times INC-1');
    expect(times.reply.text).toBe(
      [
        '*INC-1* · CPUUtilization &gt; 80 % on orders-db',
        'Impact started: 2026-12-06 23:05 UTC (set by <@U0ALICE>)',
        'Detected (first signal received): 2026-12-06 23:20 UTC',
        'Acknowledged: 2026-12-06 23:32 UTC by <@U0ALICE>',
        'Resolved: 2026-12-08 09:40 UTC by <@U0ALICE>: failed over to the replica',
        'Reopened: 2026-12-08 09:45 UTC by <@U0BOB>, 5 min later: replica lag alarms again',
        'Resolved: 2026-12-08 10:45 UTC by <@U0ALICE>',
        '*Acknowledged in 12 min · resolved in 1 d 11 h · impact lasted 1 d 11 h*',
      ].join('\n'),
    );
    expect(await metricsText()).toContain('warroom_time_to_resolve_seconds_count{impact="3"} 1');
  });
});
