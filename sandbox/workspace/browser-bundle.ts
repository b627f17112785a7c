import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./browser/main.ts', import.meta.url));

/**
 * The page's script, bundled in memory from the TypeScript in ./browser when the UI server starts:
 * no build step and nothing generated is checked in. Throws with esbuild's messages on an error.
 */
export async function bundleBrowserScript(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the sandbox page');
  return output.text;
}
