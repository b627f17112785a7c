import { existsSync } from 'node:fs';
import { type NpmChromium, unpackNpmChromium } from './unpack-npm-chromium.ts';

/** Where Debian and Ubuntu put their Chromium package's launcher. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** The Chromium the browser tests drive, and how it was found (said once per run). */
export interface FoundChromium {
  executablePath: string;
  /** For the log line: which of the three places it came from. */
  source: 'CHROMIUM_PATH' | 'system' | 'npm';
  /** Extra environment for the browser process (the npm build's own shared libraries). */
  env: Record<string, string>;
  description: string;
}

export interface FindChromiumDeps {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  unpackNpm: () => Promise<NpmChromium>;
}

const defaultDeps: FindChromiumDeps = {
  env: process.env,
  exists: existsSync,
  unpackNpm: () => unpackNpmChromium(),
};

/**
 * CHROMIUM_PATH when set (and then it must exist: a path someone asked for is never silently
 * swapped), else the system's /usr/bin/chromium, else the Chromium inside the npm devDependency
 * @sparticuz/chromium, so `npm ci && npm test` runs the browser tests on a machine with only Node.
 */
export async function findChromium(deps: FindChromiumDeps = defaultDeps): Promise<FoundChromium> {
  const asked = deps.env['CHROMIUM_PATH'];
  if (asked !== undefined && asked !== '') {
    if (!deps.exists(asked)) {
      throw new Error(
        `CHROMIUM_PATH is ${asked}, which does not exist: point it at a Chromium executable, or unset it to use ${SYSTEM_CHROMIUM} or the npm package @sparticuz/chromium`,
      );
    }
    return {
      executablePath: asked,
      source: 'CHROMIUM_PATH',
      env: {},
      description: `${asked} (CHROMIUM_PATH)`,
    };
  }
  if (deps.exists(SYSTEM_CHROMIUM)) {
    return {
      executablePath: SYSTEM_CHROMIUM,
      source: 'system',
      env: {},
      description: `the system's ${SYSTEM_CHROMIUM}`,
    };
  }
  const npm = await deps.unpackNpm();
  return {
    executablePath: npm.executablePath,
    source: 'npm',
    env: npm.env,
    description: `${npm.executablePath} (npm package @sparticuz/chromium ${npm.version}; no ${SYSTEM_CHROMIUM})`,
  };
}
