import { execFile } from 'node:child_process';
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
});
