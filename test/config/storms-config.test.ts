import { describe, expect, it } from 'vitest';
import { type ConfigFiles, loadConfig } from '../../src/config/load-config.ts';

const env = {
  SLACK_BOT_TOKEN: 'xoxb-123-456-abc',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  AWS_REGION: 'us-east-1',
  WARROOM_CONFIG: '/w.yml',
};

function load(yaml: string) {
  const files: ConfigFiles = {
    exists: (path) => path === '/w.yml',
    read: () => `slack:\n  alertChannel: C0123ALERTS\n${yaml}`,
    isDirectory: () => false,
  };
  return loadConfig(env, files);
}

describe('storms config', () => {
  it('turns storms on at 5 resources within 2 minutes by default', () => {
    const result = load('');
    expect(result.ok && result.config.storms).toEqual({ enabled: true, threshold: 5, windowMs: 120_000 });
  });

  it('reads a threshold, a window and enabled: false', () => {
    const result = load('storms:\n  enabled: false\n  threshold: 10\n  window: 90s\n');
    expect(result.ok && result.config.storms).toEqual({ enabled: false, threshold: 10, windowMs: 90_000 });
  });

  it('names a bad window and a threshold below 2', () => {
    const result = load('storms:\n  threshold: 1\n  window: soon\n');
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : result.problems.join('\n');
    expect(text).toMatch(/storms\.threshold.*2 or more/);
    expect(text).toMatch(/storms\.window.*90s, 2m or 1h/);
  });
});
