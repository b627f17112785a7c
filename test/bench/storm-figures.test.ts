import { describe, expect, it } from 'vitest';
import { checkBurst } from '../../bench/burst-checks.ts';
import type { StoredIncident } from '../../bench/read-incidents.ts';
import { listShownMessages } from '../../bench/shown-messages.ts';
import { measureStormFigures, type StormFiguresInput } from '../../bench/storm-figures.ts';
import type { RecordedCall, StoredMessage } from '../../sandbox/slack/types.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const CHANNEL = 'C0ALERTS';
const START = Date.parse('2026-11-22T09:00:00Z');
const KEY = '123456789012:us-east-1:metric:AWS/RDS/CPUUtilization';

function call(method: string, atMs: number, args: Record<string, unknown>, ts?: string): RecordedCall {
  return {
    method,
    args: { channel: CHANNEL, ...args },
    ok: true,
    status: 200,
    at: new Date(START + atMs),
    response: ts ? { ok: true, channel: args['channel'] ?? CHANNEL, ts } : { ok: true },
  };
}

function card(seq: number, atMs: number, ts: string, text: string): RecordedCall {
  const metadata = { event_type: 'warroom_incident_card', event_payload: { incident_seq: seq } };
  return call('chat.postMessage', atMs, { text, metadata }, ts);
}

function onScreen(ts: string, text: string, threadTs?: string): StoredMessage {
  return { type: 'message', ts, channel: CHANNEL, text, user: 'U0WARBOT', thread_ts: threadTs };
}

/** A storm (INC-3) of INC-1 and INC-2: INC-1 carded before the storm formed, INC-2 only in the list. */
function stormOfTwo(): { incidents: StoredIncident[]; calls: RecordedCall[]; now: StoredMessage[] } {
  const incidents: StoredIncident[] = [
    { incident: openIncident({ seq: 1, stormSeq: 3 }), cardTs: '1.1' },
    { incident: openIncident({ seq: 2, stormSeq: 3 }) },
    {
      incident: openIncident({ seq: 3, storm: { key: KEY, what: 'CPU', members: [1, 2], listTs: '3.2' } }),
      cardTs: '3.1',
    },
  ];
  const calls = [
    card(1, 500, '1.1', 'INC-1 CPU high'),
    card(3, 1000, '3.1', 'Storm INC-3: INC-1'),
    call('chat.postMessage', 1500, { thread_ts: '3.1', text: '1 incidents in storm INC-3: INC-1' }, '3.2'),
    call('chat.update', 4000, { ts: '3.2', text: '2 incidents in storm INC-3: INC-1, INC-2' }),
  ];
  const now = [
    onScreen('1.1', 'INC-1 joined storm INC-3'),
    onScreen('3.1', 'Storm INC-3: INC-1'),
    onScreen('3.2', '2 incidents in storm INC-3: INC-1, INC-2', '3.1'),
  ];
  return { incidents, calls, now };
}

function measure(parts: ReturnType<typeof stormOfTwo>) {
  const input: StormFiguresInput = {
    incidents: parts.incidents,
    shown: listShownMessages(parts.calls),
    channelNow: parts.now,
    alertChannel: CHANNEL,
    start: START,
  };
  return measureStormFigures(input);
}

describe('the storm bench figures', () => {
  it('counts storm and single cards apart, and times visibility to the list update naming the last member', () => {
    const figures = measure(stormOfTwo());
    expect(figures).toMatchObject({ incidents: 3, storms: 1, members: 2, stormCards: 1, singleCards: 1 });
    expect(figures.invisible).toEqual([]);
    expect(figures.timeToAllVisibleMs).toBe(4000);
  });

  it('calls a member invisible when neither its storm card nor the member list names it now', () => {
    const parts = stormOfTwo();
    parts.now[2] = onScreen('3.2', '1 incidents in storm INC-3: INC-1, INC-21', '3.1');
    const figures = measure(parts);
    expect(figures.invisible).toEqual(['INC-2']);
    expect(figures.timeToAllVisibleMs).toBeNull();
  });

  it('does not count a message elsewhere that names a member as showing it', () => {
    const parts = stormOfTwo();
    parts.calls.pop();
    parts.calls.push(call('chat.postMessage', 2000, { thread_ts: '1.1', text: 'see INC-2' }, '1.9'));
    parts.now[2] = onScreen('3.2', '1 incidents in storm INC-3: INC-1', '3.1');
    parts.now.push(onScreen('1.9', 'see INC-2', '1.1'));
    expect(measure(parts).invisible).toEqual(['INC-2']);
  });

  it("counts a page's thread mention and its DM, not the note about targets it could not reach", () => {
    const parts = stormOfTwo();
    const page = (id: string) => ({ event_type: 'warroom_page', event_payload: { id } });
    parts.calls.push(
      call(
        'chat.postMessage',
        5000,
        { thread_ts: '3.1', text: '<@U0ALICE>', metadata: page('esc:3') },
        '3.3',
      ),
      call(
        'chat.postMessage',
        5100,
        { thread_ts: '3.1', text: 'unreached', metadata: page('esc:3:undelivered') },
        '3.4',
      ),
      call(
        'chat.postMessage',
        5200,
        {
          channel: 'D0ALICE',
          text: 'paged',
          metadata: { event_type: 'warroom_page_dm', event_payload: { id: 'esc:3' } },
        },
        '9.1',
      ),
      { ...call('chat.postMessage', 5300, { channel: 'D0BOB', text: 'paged' }), ok: false, status: 429 },
    );
    expect(measure(parts)).toMatchObject({ threadPages: 1, threadPagesOnStormCards: 1, pageDms: 1 });
  });
});

describe('the storm bench checks', () => {
  const outcome = (overrides: Partial<ReturnType<typeof measure>> = {}, slack429s = 0) => ({
    databases: 2,
    stormThreshold: 2,
    settled: true,
    refused: 0,
    lost: 0,
    failed: 0,
    slack429s,
    figures: { ...measure(stormOfTwo()), ...overrides },
  });

  it('passes one storm card holding every database, with nothing lost and no 429', () => {
    expect(checkBurst(outcome())).toEqual([]);
  });

  it('fails a second storm card, a missing member and any 429, each by name', () => {
    expect(checkBurst(outcome({ stormCards: 2, members: 1, invisible: ['INC-2'] }, 3))).toEqual([
      'not visible in the alert channel: INC-2',
      'Slack answered 429 3 times',
      'expected exactly 1 storm card, 2 were posted',
      'expected all 2 databases in the storm, 1 are',
    ]);
  });

  it('expects one card per database and no storm below the threshold', () => {
    const below = { ...outcome(), stormThreshold: 5 };
    expect(checkBurst(below)).toEqual([
      'expected 2 incidents (one per database), found 3',
      'expected no storm below the threshold, found 1',
      'expected one card per database (2), 1 were posted',
    ]);
  });
});
