import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run sandbox', () => {
  it('runs the RDS scenario with no account or network and shows one card, then its in-place update', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bin/sandbox.ts', '--once'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0' },
      timeout: 60_000,
    });
    expect(stdout).toContain('POST /sns → 200');
    expect(stdout).toContain('new incident card (chat.postMessage)');
    expect(stdout).toContain('INC-1');
    expect(stdout).toContain('updated in place (chat.update)');
    expect(stdout).toContain('Multi-AZ instance failover completed');
    expect(stdout).toContain('Done: 1 card posted, 1 in-place update(s), 1 open incident(s).');
  });

  it('prints the URL of the local Slack workspace, which serves the page, and fires nothing by itself', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/sandbox.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', SANDBOX_UI_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${stdout}`)), 45_000);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /Open (http:\/\/127\.0\.0\.1:\d+\/) in a browser/.exec(stdout)?.[1];
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        });
        child.once('exit', (code) =>
          reject(new Error(`sandbox exited (${code}) before printing a URL:\n${stdout}`)),
        );
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('local Slack workspace');
      const snapshot = (await (await fetch(`${url}api/snapshot?user=U0ALICE`)).json()) as {
        messages: Record<string, unknown[]>;
        scenarios: Array<{ id: string }>;
      };
      expect(snapshot.scenarios.map((scenario) => scenario.id)).toContain('rds-cpu-then-failover');
      expect(snapshot.messages['C0ALERTS']).toEqual([]);
      expect(stdout).not.toContain('POST /sns →');
    } finally {
      child.kill('SIGINT');
    }
  });
});
