import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { withoutLine } from './without-line.ts';

const env = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789',
  AWS_REGION: 'us-east-1',
  WARROOM_CONFIG: '/etc/warroom.yml',
};

function load(yaml: string) {
  return loadConfig(env, { exists: () => true, read: () => yaml, isDirectory: () => false });
}

const problems = (yaml: string) => {
  const result = load(yaml);
  return result.ok ? [] : result.problems.map(withoutLine);
};

describe('slack.updatesChannel and updates in warroom.yml', () => {
  it('reads the updates channel and how often an update is due, by impact', () => {
    const result = load(
      'slack:\n  alertChannel: C0123ALERTS\n  updatesChannel: C0123UPDATE\nupdates:\n  every: {1: 15m, 2: 1h30m}\n',
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.slack.updatesChannel).toBe('C0123UPDATE');
    expect(result.config.updates).toEqual({ everyMs: { 1: 15 * 60_000, 2: 90 * 60_000 } });
  });

  it('has no updates channel and no update reminders unless configured', () => {
    const result = load('slack:\n  alertChannel: C0123ALERTS\n');
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.slack.updatesChannel).toBeUndefined();
    expect(result.config.updates).toBeUndefined();
  });

  it('refuses a pace that is no duration, out of range, or for an impact that does not exist', () => {
    const base = 'slack:\n  alertChannel: C0123ALERTS\nupdates:\n  every: ';
    expect(problems(`${base}{1: fast}\n`).join('\n')).toContain(
      'expected how often, from 1m to 24h, such as 15m, 1h or 1h30m',
    );
    expect(problems(`${base}{1: 25h}\n`).join('\n')).toContain('from 1m to 24h');
    expect(problems(`${base}{6: 15m}\n`)).not.toEqual([]);
    expect(problems('slack:\n  alertChannel: C0123ALERTS\n  updatesChannel: updates\n')).not.toEqual([]);
  });
});
