import { describe, expect, it } from 'vitest';
import {
  captureMessage,
  MAX_CAPTURED_TEXT,
  messageDedupeKey,
  messageTime,
  quoteMessageText,
} from '../../src/incidents/capture-message.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const now = new Date('2026-11-22T10:00:00Z');
const message = {
  channel: 'C0ALERTS',
  ts: '1795338313.000200',
  author: 'U0BOB',
  text: 'replica lag is 30 s',
  permalink:
    'https://warroom.slack.com/archives/C0ALERTS/p1795338313000200?thread_ts=1795338000.000100&cid=C0ALERTS',
};

describe('captureMessage', () => {
  it('adds the message at the time it was posted, by whoever pinned it, naming author, text and permalink', () => {
    const transition = captureMessage(openIncident(), message, { userId: 'U0ALICE' }, now);
    expect(transition.kind).toBe('changed');
    if (transition.kind !== 'changed') return;
    expect(transition.entry).toEqual({
      at: new Date('2026-11-22T09:05:13.000Z'),
      kind: 'message',
      actor: 'U0ALICE',
      text: `added a message by <@U0BOB>: “replica lag is 30 s” ${message.permalink}`,
      dedupeKey: 'message:C0ALERTS:1795338313.000200',
    });
  });

  it('leaves the incident itself (and so its card) unchanged', () => {
    const incident = openIncident();
    const transition = captureMessage(incident, message, { userId: 'U0ALICE' }, now);
    expect(transition.kind === 'changed' && transition.incident).toBe(incident);
  });

  it('takes messages on a resolved incident too', () => {
    const resolved = openIncident({ status: 'resolved', resolvedBy: 'U0CAROL', resolvedAt: now });
    expect(captureMessage(resolved, message, { userId: 'U0ALICE' }, now).kind).toBe('changed');
  });

  it('says "an app" for a message without a person as author, and falls back to now for an odd ts', () => {
    const transition = captureMessage(
      openIncident(),
      { ...message, author: undefined, ts: 'x' },
      { userId: 'U0ALICE' },
      now,
    );
    expect(transition.kind === 'changed' && transition.entry.text).toMatch(/^added a message by an app: /);
    expect(transition.kind === 'changed' && transition.entry.at).toEqual(now);
  });
});

describe('messageTime and messageDedupeKey', () => {
  it('reads seconds and microseconds from a Slack ts', () => {
    expect(messageTime('1700000000.123456')?.toISOString()).toBe('2023-11-14T22:13:20.123Z');
    expect(messageTime('1700000000')?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(messageTime('17e8')).toBeUndefined();
  });

  it('keys a message by channel and ts', () => {
    expect(messageDedupeKey('C1', '1.2')).toBe('message:C1:1.2');
  });
});

describe('quoteMessageText', () => {
  it('folds whitespace and says so when there is no text', () => {
    expect(quoteMessageText('  lag\n\n is   high ')).toBe('lag is high');
    expect(quoteMessageText(' \n')).toBe('(no text)');
  });

  it("turns Slack's markup and escaping into plain text, as the timeline keeps it", () => {
    expect(
      quoteMessageText(
        '<!here> <!channel|channel> <!subteam^S0SRE|@sre> <@U0BOB> <@U0CAROL|carol> <#C0DB|db-team> see <https://x.io/a?b=1&amp;c=2|the graph>',
      ),
    ).toBe('@here @channel @sre @U0BOB @carol #db-team see the graph (https://x.io/a?b=1&c=2)');
    expect(quoteMessageText('p99 &lt; 5 ms &amp;&amp; lag &gt; 30 s <https://x.io>')).toBe(
      'p99 < 5 ms && lag > 30 s https://x.io',
    );
  });

  it(`cuts long text to ${MAX_CAPTURED_TEXT} characters, marking the cut`, () => {
    const long = 'a'.repeat(MAX_CAPTURED_TEXT * 2);
    expect(quoteMessageText(long)).toHaveLength(MAX_CAPTURED_TEXT);
    expect(quoteMessageText(long).endsWith('…')).toBe(true);
    expect(quoteMessageText('a'.repeat(MAX_CAPTURED_TEXT))).toBe('a'.repeat(MAX_CAPTURED_TEXT));
  });
});
