import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FindChromiumDeps, findChromium, SYSTEM_CHROMIUM } from './find-chromium.ts';
import { installOnce } from './unpack-npm-chromium.ts';

const NPM = { executablePath: '/tmp/x/chromium', version: '153.0.0', env: { LD_LIBRARY_PATH: '/tmp/x/lib' } };

function machine(env: NodeJS.ProcessEnv, files: string[]): FindChromiumDeps & { unpacked: () => number } {
  let unpacked = 0;
  return {
    env,
    exists: (path) => files.includes(path),
    unpackNpm: async () => {
      unpacked += 1;
      return NPM;
    },
    unpacked: () => unpacked,
  };
}

describe('which Chromium the browser tests drive', () => {
  it('takes CHROMIUM_PATH first, even with a system Chromium, and unpacks nothing', async () => {
    const deps = machine({ CHROMIUM_PATH: '/opt/chrome/chrome' }, ['/opt/chrome/chrome', SYSTEM_CHROMIUM]);
    expect(await findChromium(deps)).toMatchObject({
      executablePath: '/opt/chrome/chrome',
      source: 'CHROMIUM_PATH',
    });
    expect(deps.unpacked()).toBe(0);
  });

  it('refuses a CHROMIUM_PATH that does not exist rather than quietly driving another Chromium', async () => {
    const deps = machine({ CHROMIUM_PATH: '/opt/nope' }, [SYSTEM_CHROMIUM]);
    await expect(findChromium(deps)).rejects.toThrow('CHROMIUM_PATH is /opt/nope, which does not exist');
    expect(deps.unpacked()).toBe(0);
  });

  it("takes the system's /usr/bin/chromium when CHROMIUM_PATH is unset or empty", async () => {
    for (const env of [{}, { CHROMIUM_PATH: '' }]) {
      const deps = machine(env, [SYSTEM_CHROMIUM]);
      expect(await findChromium(deps)).toMatchObject({
        executablePath: SYSTEM_CHROMIUM,
        source: 'system',
        env: {},
      });
      expect(deps.unpacked()).toBe(0);
    }
  });

  it("falls back to the npm package's Chromium, with its own libraries, on a machine with neither", async () => {
    const deps = machine({}, []);
    const found = await findChromium(deps);
    expect(found).toMatchObject({ executablePath: NPM.executablePath, source: 'npm', env: NPM.env });
    expect(found.description).toContain('@sparticuz/chromium 153.0.0');
    expect(deps.unpacked()).toBe(1);
  });
});

describe('unpacking into place once', () => {
  const scratches: string[] = [];
  const scratch = () => {
    scratches.push(mkdtempSync(join(tmpdir(), 'warroom-install-once-')));
    return join(scratches.at(-1)!, 'chromium-1');
  };
  afterAll(() => {
    for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves nothing behind when unpacking fails, so the next run unpacks again', async () => {
    const dir = scratch();
    const failing = installOnce(dir, async (staging) => {
      writeFileSync(join(staging, 'chromium'), 'half a browser');
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(join(dir, '..'))).toEqual([]);

    await installOnce(dir, async (staging) => writeFileSync(join(staging, 'chromium'), 'a whole browser'));
    expect(readFileSync(join(dir, 'chromium'), 'utf8')).toBe('a whole browser');
  });

  it('gives parallel callers the one complete copy and removes the loser’s', async () => {
    const dir = scratch();
    const fills: string[] = [];
    const fill = (name: string, ms: number) => async (staging: string) => {
      fills.push(name);
      await new Promise((resolve) => setTimeout(resolve, ms));
      writeFileSync(join(staging, 'chromium'), name);
    };
    await Promise.all([installOnce(dir, fill('first', 10)), installOnce(dir, fill('second', 60))]);
    expect(fills).toEqual(['first', 'second']);
    expect(readFileSync(join(dir, 'chromium'), 'utf8')).toBe('first');
    expect(readdirSync(join(dir, '..'))).toEqual(['chromium-1']);

    await installOnce(dir, fill('third', 0));
    expect(fills).toEqual(['first', 'second']);
  });
});
