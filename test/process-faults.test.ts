import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs a small program as its own process: an exception thrown from a timer and a rejection nobody
 * handles, then a line written 100 ms later. Only a process that is still running can write it.
 */
function runFaultyProcess(watch: boolean) {
  const program = `
    import { keepRunningOnFaults } from './src/process-faults.ts';
    import { createLogger } from './src/logger.ts';
    const logger = createLogger({ level: 'info' });
    const counted = [];
    if (${watch}) keepRunningOnFaults(process, logger, (fault) => counted.push(fault));
    setTimeout(() => { throw new Error('boom from a timer'); }, 0);
    void Promise.reject(new Error('nobody handles this'));
    setTimeout(() => { process.stdout.write('still running, counted ' + counted.join(',') + '\\n'); }, 100);
  `;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('after start-up, a fault is logged and warroom keeps running', () => {
  it('logs an uncaught exception and an unhandled rejection at error level, counts both, and goes on', () => {
    const run = runFaultyProcess(true);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message?: string } });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 50,
          msg: 'uncaught exception; warroom keeps running',
          err: expect.objectContaining({ message: 'boom from a timer' }),
        }),
        expect.objectContaining({
          level: 50,
          msg: 'unhandled promise rejection; warroom keeps running',
          err: expect.objectContaining({ message: 'nobody handles this' }),
        }),
      ]),
    );
    expect(run.stdout).toMatch(
      /still running, counted (unhandled_rejection,uncaught_exception|uncaught_exception,unhandled_rejection)\n/,
    );
  });

  it('without it, the same faults end the process (what bin/warroom.ts no longer lets happen)', () => {
    const run = runFaultyProcess(false);
    expect(run.status).not.toBe(0);
    expect(run.stdout).not.toContain('still running');
  });
});
