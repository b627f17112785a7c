import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../sandbox/slack/rate-limiter.ts';
import { ManualClock } from '../../../src/clock.ts';

function takeMany(
  limiter: RateLimiter,
  method: string,
  args: Record<string, unknown>,
  count: number,
): number {
  let allowed = 0;
  for (let index = 0; index < count; index += 1) {
    if (limiter.take(method, args).allowed) allowed += 1;
  }
  return allowed;
}

describe('RateLimiter', () => {
  it('gives chat.postMessage a burst of 5 per channel, then one a second', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock);
    expect(takeMany(limiter, 'chat.postMessage', { channel: 'C1' }, 10)).toBe(5);
    expect(limiter.take('chat.postMessage', { channel: 'C1' })).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    clock.advance(3000);
    expect(takeMany(limiter, 'chat.postMessage', { channel: 'C1' }, 10)).toBe(3);
  });

  it('caps chat.postMessage workspace-wide at a burst of 30 across channels', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock);
    let allowed = 0;
    for (let channel = 0; channel < 20; channel += 1) {
      allowed += takeMany(limiter, 'chat.postMessage', { channel: `C${channel}` }, 5);
    }
    expect(allowed).toBe(30);
    const decision = limiter.take('chat.postMessage', { channel: 'CNEW' });
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('does not spend a channel token when the workspace bucket refuses', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock);
    for (let channel = 0; channel < 6; channel += 1)
      takeMany(limiter, 'chat.postMessage', { channel: `C${channel}` }, 5);
    expect(takeMany(limiter, 'chat.postMessage', { channel: 'C9' }, 3)).toBe(0);
    // One second refills the workspace by 5; C9 still has its whole burst of 5.
    clock.advance(1000);
    expect(takeMany(limiter, 'chat.postMessage', { channel: 'C9' }, 10)).toBe(5);
  });

  it('answers Retry-After as whole seconds until the next call is allowed', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock);
    expect(takeMany(limiter, 'usergroups.users.list', {}, 25)).toBe(20);
    expect(limiter.take('usergroups.users.list', {})).toEqual({ allowed: false, retryAfterSeconds: 3 });
    clock.advance(2500);
    expect(limiter.take('usergroups.users.list', {})).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(limiter.take('usergroups.users.list', {}).allowed).toBe(true);
  });

  it('gives Tier 3 50 and Tier 4 100 calls before refusing', () => {
    const limiter = new RateLimiter(new ManualClock());
    expect(takeMany(limiter, 'chat.update', {}, 60)).toBe(50);
    expect(takeMany(limiter, 'conversations.history', {}, 60)).toBe(50);
    expect(takeMany(limiter, 'views.open', {}, 120)).toBe(100);
    expect(takeMany(limiter, 'chat.postEphemeral', {}, 120)).toBe(100);
  });

  it('never limits methods without a tier and forgets everything on reset', () => {
    const limiter = new RateLimiter(new ManualClock());
    expect(takeMany(limiter, 'emulator.unknown', {}, 500)).toBe(500);
    takeMany(limiter, 'chat.update', {}, 50);
    limiter.reset();
    expect(limiter.take('chat.update', {}).allowed).toBe(true);
  });
});
