import { describe, expect, it } from 'vitest';
import { clampAlert, escapeMrkdwn, firstLine, truncate } from '../../../handlers/notifications/alert-text.ts';

describe('alert text', () => {
  it('truncates with an ellipsis only when needed', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghijk', 5)).toBe('abcd…');
  });

  it('finds the first non-empty line', () => {
    expect(firstLine('\n\n  hello \nworld')).toBe('hello');
    expect(firstLine('')).toBe('');
  });

  it('escapes the characters Slack mrkdwn treats as controls', () => {
    expect(escapeMrkdwn('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('collapses whitespace in titles and applies both limits', () => {
    const alert = clampAlert({
      source: 'unknown',
      signalType: 'unknown:raw',
      title: `a\n  b ${'t'.repeat(200)}`,
      detail: 'd'.repeat(3000),
      occurredAt: new Date(0),
      facts: [],
    });
    expect(alert.title.startsWith('a b t')).toBe(true);
    expect(alert.title).toHaveLength(150);
    expect(alert.detail).toHaveLength(2000);
    expect(alert.detail.endsWith('…')).toBe(true);
  });
});
