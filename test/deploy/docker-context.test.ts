import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  isInBuildContext,
  missingFromImage,
  parseDockerignore,
} from '../../scripts/deploy-checks/dockerfile/docker-context.ts';

/** Every local file `bin/warroom.ts` loads, found by esbuild following the imports (packages aside). */
async function filesWarroomLoads(): Promise<string[]> {
  const result = await build({
    entryPoints: ['bin/warroom.ts'],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('the image build context', () => {
  it('has every file bin/warroom.ts loads, and the package.json and tsconfig.json tsx reads', async () => {
    const files = await filesWarroomLoads();
    expect(files.length).toBeGreaterThan(100);
    expect(missingFromImage([...files, 'package.json', 'tsconfig.json'])).toEqual([]);
  });

  it('would notice a runtime file that .dockerignore keeps out or no COPY brings in', () => {
    expect(missingFromImage(['sandbox/run-sandbox.ts', 'scripts/aws-calls.ts'])).toEqual([
      'sandbox/run-sandbox.ts',
      'scripts/aws-calls.ts',
    ]);
  });

  it('keeps secrets, local data, the git history and dependencies out', () => {
    const patterns = parseDockerignore(readFileSync('.dockerignore', 'utf8'));
    for (const path of [
      '.env',
      '.env.production',
      'warroom.yml',
      'data/warroom.db',
      'src/x.db-wal',
      '.git/config',
      'node_modules/yaml/package.json',
    ]) {
      expect({ path, included: isInBuildContext(path, patterns) }).toEqual({ path, included: false });
    }
  });

  it('reads .dockerignore patterns as Docker does: **, folders, and ! re-includes', () => {
    const patterns = parseDockerignore('# comment\n**/*.log\n/docs/\n!docs/keep.md\n');
    expect(isInBuildContext('a/b/c.log', patterns)).toBe(false);
    expect(isInBuildContext('docs/guide/x.md', patterns)).toBe(false);
    expect(isInBuildContext('docs/keep.md', patterns)).toBe(true);
    expect(isInBuildContext('src/app.ts', patterns)).toBe(true);
  });
});
