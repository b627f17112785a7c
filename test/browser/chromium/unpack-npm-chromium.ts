import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';

const run = promisify(execFile);
const PACKAGE = '@sparticuz/chromium';

export interface NpmChromium {
  executablePath: string;
  version: string;
  /** The browser's environment additions: the build's own NSS/NSPR/expat, found before the system's. */
  env: Record<string, string>;
}

/**
 * The headless Chromium shipped (brotli-compressed) inside the npm package @sparticuz/chromium,
 * unpacked once per package version and user into the temp directory and reused after that. The
 * package's own unpacker writes straight into the temp directory and takes any file already there
 * as done, so a run killed mid-unpack would leave a truncated browser behind, and parallel test
 * files would read one being written: here it fills a private directory that is then renamed into
 * place, and the first complete copy wins.
 */
export async function unpackNpmChromium(cacheRoot = tmpdir()): Promise<NpmChromium> {
  const entry = createRequire(import.meta.url).resolve(PACKAGE);
  const packageDir = dirname(dirname(entry));
  const { version } = z
    .object({ version: z.string().min(1) })
    .parse(JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')));
  const dir = join(cacheRoot, `warroom-chromium-${version}-${userInfo().username}`);
  await installOnce(dir, (staging) => inflateInto(staging, entry, join(packageDir, 'bin')));
  const libs = join(dir, 'al2023', 'lib');
  const inherited = process.env['LD_LIBRARY_PATH'];
  return {
    executablePath: join(dir, 'chromium'),
    version,
    // The build links NSS, NSPR and expat dynamically; the package carries them for Amazon Linux,
    // and using them everywhere means a machine with only Node (no libnss3) runs it too.
    env: { LD_LIBRARY_PATH: inherited ? `${libs}:${inherited}` : libs },
  };
}

/** Makes `dir` by filling a sibling staging directory and renaming it; a concurrent winner is fine. */
export async function installOnce(dir: string, fill: (staging: string) => Promise<void>): Promise<void> {
  if (existsSync(dir)) return;
  const staging = mkdtempSync(`${dir}.partial-`);
  try {
    await fill(staging);
    renameSync(staging, dir);
  } catch (error) {
    // Another process renamed its complete copy into place first (rename onto a full directory fails).
    if (!existsSync(dir)) throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The package unpacks into os.tmpdir(): a child process whose TMPDIR is the staging directory
 * does it there, without changing this process's temp directory. The Amazon Linux libraries are
 * only unpacked by the package on Lambda-like hosts, so they are asked for explicitly.
 */
async function inflateInto(staging: string, entry: string, binDir: string): Promise<void> {
  const script = `
    const { default: chromium, inflate } = await import(process.argv[1]);
    const executable = await chromium.executablePath();
    await inflate(process.argv[2] + '/al2023.tar.br');
    process.stdout.write(executable);
  `;
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', script, pathToFileURL(entry).href, binDir],
    { env: { ...process.env, TMPDIR: staging }, timeout: 120_000 },
  );
  if (stdout !== join(staging, 'chromium') || !existsSync(stdout)) {
    throw new Error(`${PACKAGE} did not unpack Chromium into ${staging} (it answered "${stdout}")`);
  }
}
