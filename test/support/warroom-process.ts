import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface WarroomProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** Runs `bin/warroom.ts` as its own process (as `npm start` does) and waits until it listens. */
export function spawnWarroom(env: Record<string, string>, timeoutMs = 20_000): Promise<WarroomProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/warroom.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`warroom did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+)[^\n]*"msg":"warroom is listening"/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.on('data', (more: Buffer) => {
        output += more.toString();
      });
      const url = `http://127.0.0.1:${match[1]}`;
      // Listening comes before Slack's auth.test answers; ready means both store and Slack are up.
      waitUntilReady(url, timeoutMs).then(
        () =>
          resolve({
            child,
            url,
            output: () => output,
            kill: (signal) => {
              child.kill(signal);
              return exited;
            },
          }),
        reject,
      );
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`warroom exited with ${code} before listening:\n${output}`));
    });
  });
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`warroom at ${url} never became ready`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
