import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURE = new URL('../fixtures/payloads/cloudwatch-alarm-rds.json', import.meta.url).pathname;

function writeConfig(yaml: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'routes-check-')), 'warroom.yml');
  writeFileSync(path, yaml);
  return path;
}

function run(...args: string[]) {
  // No Slack token, no AWS Region: routes:check must judge a config in CI without them.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bin/routes-check.ts', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const GOOD =
  'slack:\n  alertChannel: C0ALERTS\nroutes:\n  - when: {tags: {team: payments}}\n    channel: C0PAYMENTS\n';

describe('npm run routes:check', () => {
  it('prints the route for a captured notification and exits 0, with no Slack or AWS settings', () => {
    const result = run(FIXTURE, '--config', writeConfig(GOOD), '--tag', 'team=payments');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('→ route 1: channel C0PAYMENTS');
  });

  it('exits 2 naming each problem of a config whose routes can never match', () => {
    const result = run(FIXTURE, '--config', writeConfig(`${GOOD}  - channel: C0ALL\n  - channel: C0NEVER\n`));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'routes.2: can never match: routes.1 (route 2) before it matches every signal',
    );
  });

  it('exits 2 on a tag that is not key=value and on a file it cannot read', () => {
    const config = writeConfig(GOOD);
    const badTag = run(FIXTURE, '--config', config, '--tag', 'payments');
    expect(badTag.status).toBe(2);
    expect(badTag.stderr).toContain('--tag: expected key=value');
    const missing = run('/nonexistent/notification.json', '--config', config);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/notification.json: cannot read it (ENOENT)');
  });
});
