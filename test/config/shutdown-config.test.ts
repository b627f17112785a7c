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

describe('shutdownGraceSeconds', () => {
  it('gives work in hand 10 seconds by default, under the 30 s ECS waits before killing', () => {
    const result = load('');
    expect(result.ok && result.config.shutdownGraceSeconds).toBe(10);
  });

  it('reads 0 (exit as soon as the doors are shut) and 300', () => {
    for (const seconds of [0, 300]) {
      const result = load(`shutdownGraceSeconds: ${seconds}\n`);
      expect(result.ok && result.config.shutdownGraceSeconds).toBe(seconds);
    }
  });

  it('names a grace above 300 s, below 0, fractional or in words', () => {
    for (const value of ['301', '-1', '2.5', '10s']) {
      const result = load(`shutdownGraceSeconds: ${value}\n`);
      expect(result.ok, value).toBe(false);
      expect(result.ok ? '' : result.problems.join('\n'), value).toMatch(/shutdownGraceSeconds/);
    }
  });
});
