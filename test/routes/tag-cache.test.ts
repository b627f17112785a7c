import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import type { ResourceTags } from '../../src/routes/index.ts';
import { TagCache } from '../../src/routes/tag-cache.ts';

const READ: ResourceTags = { state: 'read', tags: { team: 'payments' } };
const FAILED: ResourceTags = { state: 'failed', reason: 'throttled' };
const limits = { readTtlMs: 5 * 60_000, failureTtlMs: 30_000, maxEntries: 3 };

/** A read that counts its calls and answers what it is given. */
function counting(answer: ResourceTags) {
  const read = async () => {
    read.calls += 1;
    return answer;
  };
  read.calls = 0;
  return read;
}

describe('TagCache', () => {
  it('reads a resource once and serves it from memory until five minutes have passed', async () => {
    const clock = new ManualClock();
    const cache = new TagCache(clock, limits);
    const read = counting(READ);
    expect(await cache.get('arn:a', read)).toEqual(READ);
    clock.advance(5 * 60_000 - 1);
    expect(await cache.get('arn:a', read)).toEqual(READ);
    expect(read.calls).toBe(1);
    clock.advance(1);
    await cache.get('arn:a', read);
    expect(read.calls).toBe(2);
  });

  it('remembers a failure for 30 seconds only, then reads again', async () => {
    const clock = new ManualClock();
    const cache = new TagCache(clock, limits);
    const read = counting(FAILED);
    expect(await cache.get('arn:a', read)).toEqual(FAILED);
    clock.advance(29_999);
    await cache.get('arn:a', read);
    expect(read.calls).toBe(1);
    clock.advance(1);
    await cache.get('arn:a', read);
    expect(read.calls).toBe(2);
  });

  it('makes one call for fifty signals about one database asking at once', async () => {
    const cache = new TagCache(new ManualClock(), limits);
    let release: (tags: ResourceTags) => void = () => {};
    let calls = 0;
    const read = () => {
      calls += 1;
      return new Promise<ResourceTags>((resolve) => {
        release = resolve;
      });
    };
    const asked = Array.from({ length: 50 }, () => cache.get('arn:orders-db', read));
    release(READ);
    const answers = await Promise.all(asked);
    expect(calls).toBe(1);
    expect(answers.every((answer) => answer === READ)).toBe(true);
  });

  it('reads different resources separately', async () => {
    const cache = new TagCache(new ManualClock(), limits);
    const read = counting(READ);
    await Promise.all([cache.get('arn:a', read), cache.get('arn:b', read)]);
    expect(read.calls).toBe(2);
  });

  it('keeps at most its bound of resources, forgetting the least recently used first', async () => {
    const cache = new TagCache(new ManualClock(), limits);
    const reads = { a: counting(READ), b: counting(READ), c: counting(READ), d: counting(READ) };
    await cache.get('a', reads.a);
    await cache.get('b', reads.b);
    await cache.get('c', reads.c);
    await cache.get('a', reads.a); // a is now the most recently used
    await cache.get('d', reads.d); // evicts b
    expect(cache.size).toBe(3);
    await cache.get('a', reads.a);
    await cache.get('b', reads.b);
    expect(reads.a.calls).toBe(1);
    expect(reads.b.calls).toBe(2);
  });

  it('turns a read that throws into a failure with its message, and tries again after 30 seconds', async () => {
    const clock = new ManualClock();
    const cache = new TagCache(clock, limits);
    let calls = 0;
    const read = async (): Promise<ResourceTags> => {
      calls += 1;
      throw new Error('socket hang up');
    };
    expect(await cache.get('arn:a', read)).toEqual({
      state: 'failed',
      reason: 'the tag read failed unexpectedly: socket hang up',
    });
    clock.advance(30_000);
    await cache.get('arn:a', read);
    expect(calls).toBe(2);
  });
});
