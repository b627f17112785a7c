import { describe, expect, it } from 'vitest';
import { BotError, isBotError } from '../../../src/errors.ts';
import { SNS_REJECT_REASONS, SnsRejectedError } from '../../../src/intake/sns/sns-rejected-error.ts';

describe('SnsRejectedError', () => {
  it.each(SNS_REJECT_REASONS.map((reason) => [reason]))('carries reason %s as SNS.<REASON>', (reason) => {
    const error = new SnsRejectedError(reason, { detail: 'host is evil.example' });
    expect(error).toBeInstanceOf(BotError);
    expect(isBotError(error)).toBe(true);
    expect(error.reason).toBe(reason);
    expect(error.code).toBe(`SNS.${reason.toUpperCase()}`);
    expect(error.code).toMatch(/^SNS\.[A-Z_]+$/);
    expect(error.userMessage).not.toContain('evil.example');
    expect(error.message).toContain('evil.example');
  });

  it('gives each reason its own user message', () => {
    const messages = SNS_REJECT_REASONS.map((reason) => new SnsRejectedError(reason).userMessage);
    expect(new Set(messages).size).toBe(SNS_REJECT_REASONS.length);
  });
});
