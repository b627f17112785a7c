import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/slack/token-bucket.ts';

describe('TokenBucket', () => {
  it('holds its capacity at first, then one call per 60/perMinute seconds', () => {
    const bucket = new TokenBucket({ capacity: 3, perMinute: 60 }, 0);
    for (let call = 0; call < 3; call += 1) {
      expect(bucket.msUntilCall(0)).toBe(0);
      bucket.take(0);
    }
    expect(bucket.msUntilCall(0)).toBe(1000);
    expect(bucket.msUntilCall(400)).toBe(600);
    expect(bucket.msUntilCall(1000)).toBe(0);
  });

  it('never holds more than its capacity, however long it rests', () => {
    const bucket = new TokenBucket({ capacity: 2, perMinute: 60 }, 0);
    bucket.take(0);
    bucket.take(0);
    const later = 3_600_000;
    bucket.take(later);
    bucket.take(later);
    expect(bucket.msUntilCall(later)).toBe(1000);
  });

  it('rounds a wait up to the next whole millisecond for an uneven pace', () => {
    const bucket = new TokenBucket({ capacity: 1, perMinute: 54 }, 0);
    bucket.take(0);
    expect(bucket.msUntilCall(0)).toBe(1112);
    expect(bucket.msUntilCall(1111)).toBe(1);
    expect(bucket.msUntilCall(1112)).toBe(0);
  });

  it('after a 429 holds nothing until Retry-After, then one call', () => {
    const bucket = new TokenBucket({ capacity: 5, perMinute: 60 }, 0);
    bucket.emptyFor(0, 3000);
    expect(bucket.msUntilCall(0)).toBe(3000);
    expect(bucket.msUntilCall(3000)).toBe(0);
    bucket.take(3000);
    expect(bucket.msUntilCall(3000)).toBe(1000);
  });

  it('does not move backwards when time is read out of order', () => {
    const bucket = new TokenBucket({ capacity: 1, perMinute: 60 }, 1000);
    bucket.take(1000);
    expect(bucket.msUntilCall(500)).toBe(1000);
    expect(bucket.msUntilCall(2000)).toBe(0);
  });
});
