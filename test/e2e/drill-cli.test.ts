import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run drill -- <args>` (tsx bin/drill.ts), with no Slack or AWS settings in its environment
 * and the local workspace on a free port.
 */
async function drill(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const env = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_') && !name.startsWith('SLACK_')),
    ),
    SANDBOX_UI_PORT: '0',
  };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'bin/drill.ts', ...args], {
      cwd: repoRoot,
      env,
      timeout: 60_000,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

// Unattended: every alert at once (--pace fast) and the debrief right after (--minutes 0).
const UNATTENDED = ['--pace', 'fast', '--minutes', '0'];

describe('npm run drill (in the sandbox: no Slack workspace, no AWS account)', () => {
  it('prints the workspace URL, the briefing, the DRILL-marked card as the sandbox shows it, and the debrief', async () => {
    const { stdout, code } = await drill(['rds-cpu-then-failover', ...UNATTENDED]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/The local Slack workspace: open http:\/\/127\.0\.0\.1:\d+\/ in a browser\./);
    expect(stdout).toContain('═══ DRILL BRIEFING · RDS CPU alarm, then a Multi-AZ failover');
    expect(stdout).toContain(
      '  Incident commander\n    • Press Acknowledge on the card (or /incident ack) within 5 minutes.',
    );
    expect(stdout).toContain('  ☐ Acknowledged within 5m');
    expect(stdout).toContain('POST /sns → 200');
    expect(stdout).toMatch(/│ DRILL · 🟡 INC-1 · CPUUTILIZATION > 80 % ON ORDERS-DB/);
    expect(stdout).toContain('no AWS resources are touched');
    expect(stdout).toContain('═══ DRILL DEBRIEF · RDS CPU alarm, then a Multi-AZ failover');
    // Nobody worked the cards, so the debrief says so item by item.
    expect(stdout).toContain('  ✗ Acknowledged within 5m — not acknowledged');
    expect(stdout).toContain('  ✗ The database owner read the status and the logs');
    expect(stdout).toContain('status not read; logs not read');
  });

  it('runs a drill from your own file (--file), and lists it with the built-ins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-drill-cli-'));
    const file = join(dir, 'replica-lag.yml');
    writeFileSync(
      file,
      readFileSync(join(repoRoot, 'docs/drills.md'), 'utf8').split('```yaml\n')[1]!.split('```')[0]!,
    );
    const listed = await drill(['--list', '--file', file]);
    expect(listed.stdout).toMatch(/^rds-cpu-then-failover +RDS CPU alarm, then a Multi-AZ failover$/m);
    expect(listed.stdout).toMatch(/^reporting-replica-lag +/m);
    const { stdout, code } = await drill(['reporting-replica-lag', '--file', file, ...UNATTENDED]);
    expect(code).toBe(0);
    expect(stdout).toContain('═══ DRILL BRIEFING · Replica lag on the reporting replica');
    expect(stdout).toMatch(/│ DRILL · \S+ INC-1 · REPLICALAG > 5 MIN ON REPORTING-REPLICA/);
  });

  it('refuses a bad file with its name, line, path and problem, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-drill-cli-'));
    const file = join(dir, 'bad.yml');
    writeFileSync(file, 'id: bad-drill\ntitle: Bad\n');
    const { stderr, code } = await drill(['bad-drill', '--file', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.yml:1: description: /);
    expect(stderr).toMatch(/bad\.yml:1: steps: /);
  });

  it('names the scenarios there are when the id is unknown', async () => {
    const { stderr, code } = await drill(['no-such-drill']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'No scenario "no-such-drill"; known: rds-cpu-then-failover, aurora-storage-running-out',
    );
  });
});
