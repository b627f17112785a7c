import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface SpawnedService {
  child: ChildProcess;
  port: number;
  /** SIGTERM; safe to call twice. */
  stop(): void;
}

/**
 * Runs a TypeScript entry file (relative to the repo root) as `node --import tsx <script>` and
 * resolves with the port once a stdout line matches `listening` (its first group is the port).
 * Stdout keeps being drained afterwards so a chatty child never blocks on a full pipe; stderr is
 * inherited. Rejects if the child exits first.
 */
export async function spawnService(
  script: string,
  env: Record<string, string>,
  listening: RegExp,
): Promise<SpawnedService> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = listening.exec(log);
      if (match) resolve(Number(match[1]));
      if (log.length > 1_000_000) log = log.slice(-100_000);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    child,
    port,
    stop: () => {
      if (child.exitCode === null && !child.killed) child.kill('SIGTERM');
    },
  };
}
