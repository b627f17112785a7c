import { describe, expect, it } from 'vitest';
import { type ConfigFiles, loadConfig } from '../../src/config/load-config.ts';
import { withoutLine } from './without-line.ts';

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

const ROUTES =
  'routes:\n  - {when: {tags: {team: payments}}, team: payments}\n  - {when: {tags: {team: orders}}, team: orders}\n';

describe('team permissions config', () => {
  it('reads team:<name> entries naming a team some route owns', () => {
    const result = load(
      `${ROUTES}permissions:\n  runbook: [team:payments, U0ALICE]\n  resolve: [team:orders]\n`,
    );
    expect(result.ok && result.config.permissions.runbook).toEqual(['team:payments', 'U0ALICE']);
    expect(result.ok && result.config.permissions.resolve).toEqual(['team:orders']);
  });

  it('refuses a team no route has, naming the key and the teams routes do have', () => {
    const result = load(`${ROUTES}permissions:\n  runbook: [U0ALICE, team:billing]\n`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map(withoutLine)).toEqual([
      'permissions.runbook.1: team:billing names no team of a route (routes[].team; routes name payments, orders)',
    ]);
  });

  it('refuses a team entry when no route has a team at all', () => {
    const result = load('permissions:\n  triage: [team:payments]\n');
    expect(!result.ok && result.problems.map(withoutLine)).toEqual([
      'permissions.triage.0: team:payments names no team of a route (routes[].team; no route has a team)',
    ]);
  });

  it('refuses a team entry that is not a team name, saying what an entry may be', () => {
    const result = load(`${ROUTES}permissions:\n  runbook: [team:Payments]\n`);
    expect(!result.ok && result.problems[0]).toMatch(/^permissions\.runbook\.0: expected .*team:<name>/);
  });
});
