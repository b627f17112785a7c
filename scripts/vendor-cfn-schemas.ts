/**
 * Copies the CloudFormation resource provider schemas of exactly the resource types
 * deploy/cloudformation.yml uses from a cfn-lint installation into deploy/schemas/, so the template
 * check in `npm test` validates against the real schemas where cfn-lint (PyPI) cannot be installed.
 *
 *   tsx scripts/vendor-cfn-schemas.ts [--cfn-lint <path of the installed cfnlint package>]
 *
 * Without --cfn-lint the package is found with `python3`. Re-run after changing resource types.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFileName } from './deploy-checks/resource-schemas.ts';
import { usedResourceTypes } from './deploy-checks/used-resource-types.ts';

const TEMPLATE = 'deploy/cloudformation.yml';
const OUT_DIR = 'deploy/schemas';
/** cfn-lint keeps one schema set per region; warroom's resource types are in every region. */
const REGION = 'us_east_1';

function findCfnLintPackage(): string {
  const flag = process.argv.indexOf('--cfn-lint');
  if (flag >= 0) {
    const given = process.argv[flag + 1];
    if (!given) throw new Error('--cfn-lint: expected the path of the cfnlint package');
    return given;
  }
  // find_spec locates the package without importing it (importing pulls in all of cfn-lint).
  const script =
    'import importlib.util, os; print(os.path.dirname(importlib.util.find_spec("cfnlint").origin))';
  return execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim();
}

/** `"AWS::SQS::Queue": "0da8bf92124580f1"` lines of cfn-lint's per-region index. */
function readRegionIndex(packageDir: string): Map<string, string> {
  const index = readFileSync(join(packageDir, 'data/schemas/providers', `${REGION}.py`), 'utf8');
  return new Map(
    [...index.matchAll(/"([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)": "([0-9a-f]+)"/g)].map((m) => [
      m[1] as string,
      m[2] as string,
    ]),
  );
}

function readVersion(packageDir: string): string {
  const match = /__version__ = "([^"]+)"/.exec(readFileSync(join(packageDir, 'version.py'), 'utf8'));
  if (!match?.[1]) throw new Error(`no __version__ in ${packageDir}/version.py`);
  return match[1];
}

function vendor(): void {
  const packageDir = findCfnLintPackage();
  if (!existsSync(join(packageDir, 'data/schemas/resources'))) {
    throw new Error(`${packageDir} is not a cfnlint package (no data/schemas/resources)`);
  }
  const index = readRegionIndex(packageDir);
  const types = usedResourceTypes(readFileSync(TEMPLATE, 'utf8'));
  mkdirSync(OUT_DIR, { recursive: true });
  for (const file of readdirSync(OUT_DIR).filter((name) => name.endsWith('.json'))) {
    rmSync(join(OUT_DIR, file));
  }
  const sources: Record<string, string> = {};
  for (const type of types) {
    const hash = index.get(type);
    if (!hash) throw new Error(`cfn-lint has no ${REGION} schema for ${type}`);
    const from = `data/schemas/resources/${hash}.json`;
    const schema: unknown = JSON.parse(readFileSync(join(packageDir, from), 'utf8'));
    writeFileSync(join(OUT_DIR, schemaFileName(type)), `${JSON.stringify(schema, null, 2)}\n`);
    sources[type] = `cfnlint/${from}`;
  }
  const manifest = { cfnLint: readVersion(packageDir), region: REGION.replaceAll('_', '-'), sources };
  writeFileSync(join(OUT_DIR, 'sources.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // In the repository's JSON format, so `npm run lint` passes on the vendored files as written.
  execFileSync('node_modules/.bin/biome', ['format', '--write', OUT_DIR], { stdio: 'inherit' });
  console.log(`${OUT_DIR}: ${types.length} schemas from cfn-lint ${manifest.cfnLint} (${packageDir})`);
}

vendor();
