import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { SlackPacer } from '../../src/slack/slack-pacer.ts';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock and a sleep that only move when the test says so. */
function fakeTime() {
  const clock = new ManualClock(0);
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const sleep = (ms: number) =>
    new Promise<void>((wake) => sleepers.push({ at: clock.now().getTime() + ms, wake }));
  const advance = async (ms: number) => {
    const target = clock.now().getTime() + ms;
    for (;;) {
      await flush();
      sleepers.sort((a, b) => a.at - b.at);
      const next = sleepers[0];
      if (!next || next.at > target) break;
      sleepers.shift();
      clock.set(next.at);
      next.wake();
    }
    clock.set(target);
    await flush();
  };
  return { clock, sleep, advance };
}

function setUp() {
  const time = fakeTime();
  const pacer = new SlackPacer({ clock: time.clock, sleep: time.sleep });
  const sent: Array<{ label: string; at: number }> = [];
  /** Asks the pacer for one call; notes when it was let go. */
  const send = (label: string, method: string, channel: string | undefined, rank = 3) =>
    pacer
      .wait(method, channel, pacer.ticket(rank))
      .then(() => sent.push({ label, at: time.clock.now().getTime() }));
  const labels = () => sent.map((call) => call.label);
  return { ...time, pacer, sent, send, labels };
}

describe('SlackPacer', () => {
  it('lets 3 posts into one channel go at once, then one every 1.11 s (54 a minute), never a burst of 4', async () => {
    const { send, sent, advance } = setUp();
    for (let index = 0; index < 6; index += 1) void send(`m${index}`, 'chat.postMessage', 'C0ALERTS');
    await advance(0);
    expect(sent.map((call) => call.at)).toEqual([0, 0, 0]);
    await advance(10_000);
    expect(sent.map((call) => call.at)).toEqual([0, 0, 0, 1112, 2223, 3334]);
  });

  it('does not hold a post to another channel behind a channel that is full', async () => {
    const { send, labels, advance } = setUp();
    for (let index = 0; index < 5; index += 1) void send(`a${index}`, 'chat.postMessage', 'C0ALERTS');
    void send('b0', 'chat.postMessage', 'C0OTHER');
    await advance(0);
    expect(labels()).toEqual(['a0', 'a1', 'a2', 'b0']);
  });

  it("keeps chat.postMessage under the workspace's limit across many channels", async () => {
    const { send, sent, advance } = setUp();
    for (let index = 0; index < 30; index += 1) void send(`d${index}`, 'chat.postMessage', `D0${index}`);
    await advance(0);
    expect(sent).toHaveLength(20);
    await advance(250);
    expect(sent).toHaveLength(21);
    await advance(60_000);
    expect(sent).toHaveLength(30);
  });

  it('lets the worse incident go first among calls waiting for the same limit', async () => {
    const { send, labels, advance } = setUp();
    for (let index = 0; index < 3; index += 1) void send(`burst${index}`, 'chat.postMessage', 'C0ALERTS');
    void send('impact3-a', 'chat.postMessage', 'C0ALERTS', 3);
    void send('impact3-b', 'chat.postMessage', 'C0ALERTS', 3);
    void send('impact1', 'chat.postMessage', 'C0ALERTS', 1);
    void send('impact2', 'chat.postMessage', 'C0ALERTS', 2);
    await advance(10_000);
    expect(labels().slice(3)).toEqual(['impact1', 'impact2', 'impact3-a', 'impact3-b']);
  });

  it('serves calls of the same impact in the order they came', async () => {
    const { send, labels, advance } = setUp();
    const order = Array.from({ length: 8 }, (_, index) => `m${index}`);
    for (const label of order) void send(label, 'chat.postMessage', 'C0ALERTS', 2);
    await advance(20_000);
    expect(labels()).toEqual(order);
  });

  it('keeps a retried call its place: an earlier ticket goes before later ones of the same impact', async () => {
    const { pacer, send, sent, advance, clock } = setUp();
    for (let index = 0; index < 3; index += 1) void send(`burst${index}`, 'chat.postMessage', 'C0ALERTS');
    const early = pacer.ticket(3);
    void send('later', 'chat.postMessage', 'C0ALERTS', 3);
    void pacer
      .wait('chat.postMessage', 'C0ALERTS', early)
      .then(() => sent.push({ label: 'retried', at: clock.now().getTime() }));
    await advance(5000);
    expect(sent.slice(3).map((call) => call.label)).toEqual(['retried', 'later']);
  });

  it('paces chat.update by Tier 3 and does not hold it behind waiting posts', async () => {
    const { send, sent, labels, advance } = setUp();
    for (let index = 0; index < 5; index += 1) void send(`post${index}`, 'chat.postMessage', 'C0ALERTS');
    for (let index = 0; index < 41; index += 1) void send(`update${index}`, 'chat.update', 'C0ALERTS');
    await advance(0);
    expect(labels().filter((label) => label.startsWith('update'))).toHaveLength(40);
    await advance(1334);
    expect(sent.find((call) => call.label === 'update40')?.at).toBe(1334);
  });

  it('paces a method it has no tier for as Tier 2: 15 at once, then 18 a minute', async () => {
    const { send, sent, advance } = setUp();
    for (let index = 0; index < 16; index += 1) void send(`x${index}`, 'admin.something.new', undefined);
    await advance(0);
    expect(sent).toHaveLength(15);
    await advance(3333);
    expect(sent).toHaveLength(15);
    await advance(1);
    expect(sent).toHaveLength(16);
  });

  it('after a 429 holds every call against the limits it may have hit until Retry-After', async () => {
    const { pacer, send, sent, labels, advance } = setUp();
    pacer.holdOff('chat.postMessage', 'C0ALERTS', 3000);
    void send('after-429', 'chat.postMessage', 'C0ALERTS');
    // Slack does not say whether the channel's limit or the workspace's was hit: both wait.
    void send('other-channel', 'chat.postMessage', 'C0OTHER');
    void send('update', 'chat.update', 'C0ALERTS');
    await advance(2999);
    expect(labels()).toEqual(['update']);
    await advance(1000);
    // The workspace's limit then holds one call, and refills 4 a second.
    expect(sent.slice(1)).toEqual([
      { label: 'after-429', at: 3000 },
      { label: 'other-channel', at: 3250 },
    ]);
  });
});
