import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'warroom-native-gc-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The store prepares a statement per query and leaves it to the garbage collector. Node 24.19 to
 * 24.21 abort the whole process (`Assertion failed: (env) != nullptr`) when V8 collects a
 * better-sqlite3 12 statement during an idle-time GC, seconds after any activity; 24.22 fixed it.
 * This runs the store in a Node process of its own (this Node), so the production Node is held to it.
 */
describe('the SQLite store on this Node', () => {
  it('lives on after thousands of statements are left to the garbage collector, and exits cleanly', async () => {
    const script = `
      const { SqliteStore } = await import('./src/store/sqlite-store.ts');
      const store = new SqliteStore(process.argv[1]);
      for (let i = 0; i < 5000; i++) await store.listOpenIncidents();
      // Idle: V8's memory reducer collects the statements outside any JavaScript.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      store.close();
      process.stdout.write('still alive after idle GC');
    `;
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, join(dir, 'warroom.db')],
      { cwd: repoRoot, timeout: 60_000 },
    );
    expect(stdout).toBe('still alive after idle GC');
  });
});
