import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImport, checkRepoImports } from '../scripts/check-imports.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

describe('the import rules of docs/architecture.md', () => {
  it('refuses src/ importing the local world, commands, handlers or tests', () => {
    expect(checkImport('src/app.ts', 'sandbox/aws/aws-emulator.ts')).toEqual([
      'src/ must not import sandbox/',
    ]);
    expect(checkImport('src/runbooks/runbooks.ts', 'handlers/actions/index.ts')).toEqual([
      'src/ must not import handlers/',
    ]);
    expect(checkImport('src/slack/bolt-app.ts', 'commands/router.ts')).toEqual([
      'src/ must not import commands/',
    ]);
    expect(checkImport('src/store/store.ts', 'test/support/warroom-harness.ts')).toEqual([
      'src/ must not import test/',
    ]);
  });

  it("refuses reaching into another capability's internals, from src/ or from outside it", () => {
    const rule = "use src/runbooks/index.ts, the runbooks capability's public entry";
    expect(checkImport('src/rds/rds-check.ts', 'src/runbooks/plan.ts')).toEqual([rule]);
    expect(checkImport('handlers/actions/run-runbook-button.ts', 'src/runbooks/start-execution.ts')).toEqual([
      rule,
    ]);
    expect(checkImport('sandbox/drill/drill-host.ts', 'src/runbooks/plan.ts')).toEqual([rule]);
  });

  it('allows public entries, plumbing, and a capability using its own files', () => {
    expect(checkImport('src/rds/rds-check.ts', 'src/runbooks/index.ts')).toEqual([]);
    expect(checkImport('src/runbooks/runbooks.ts', 'src/runbooks/plan.ts')).toEqual([]);
    expect(checkImport('src/runbooks/runbooks.ts', 'src/slack/slack-gateway.ts')).toEqual([]);
    expect(checkImport('sandbox/run-sandbox.ts', 'src/app.ts')).toEqual([]);
    expect(checkImport('commands/list.ts', 'src/store/store.ts')).toEqual([]);
  });

  it('holds for every import in the repository', () => {
    expect(checkRepoImports(repoRoot)).toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  const doc = readFileSync(new URL('../docs/architecture.md', import.meta.url), 'utf8');
  const folders = (root: string) =>
    readdirSync(new URL(`../${root}/`, import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);

  it('names every folder of src/ in one row', () => {
    for (const folder of folders('src')) expect(doc).toMatch(new RegExp(`^\\| \`src/${folder}/\` +\\|`, 'm'));
  });

  it('names no folder of src/ that is not there', () => {
    const named = [...doc.matchAll(/^\| `src\/([a-z-]+)\/` +\|/gm)].map((match) => match[1]);
    expect(named.filter((folder) => !folders('src').includes(folder as string))).toEqual([]);
  });

  it('names every folder of sandbox/', () => {
    for (const folder of folders('sandbox')) expect(doc).toContain(`(\`${folder}/\`)`);
  });
});
