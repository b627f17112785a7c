/**
 * The import rules of docs/architecture.md, checked on every relative import and re-export:
 * - `src/` never imports `commands/`, `handlers/`, the local world (`sandbox/`), tests or tooling;
 * - a capability (any folder of `src/` that is not shared plumbing) is used from outside only
 *   through its public entry, `src/<capability>/index.ts`.
 * Tests, benchmarks and scripts may reach into internals: they test and measure them.
 * Prints one line per broken rule and exits 1; `npm test` runs it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

/** Folders of `src/` that every capability may use directly: they hold no feature of their own. */
export const PLUMBING = new Set(['slack', 'aws', 'store', 'config', 'server', 'work']);
const CHECKED_ROOTS = ['src', 'commands', 'handlers', 'sandbox', 'bin'];
const OUTSIDE_SRC = ['commands', 'handlers', 'sandbox', 'test', 'bin', 'bench', 'scripts'];

export interface ImportViolation {
  file: string;
  line: number;
  target: string;
  rule: string;
}

/** Every relative module specifier of a TypeScript source, with its line. */
export function relativeImports(file: string, text: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: { specifier: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      specifier = node.arguments[0];
    }
    if (specifier !== undefined && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      const { line } = source.getLineAndCharacterOfPosition(specifier.getStart(source));
      found.push({ specifier: specifier.text, line: line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The capability a repo-relative path belongs to, if it lies inside one. */
export function capabilityOf(path: string): string | undefined {
  const [root, folder, ...rest] = path.split('/');
  if (root !== 'src' || folder === undefined || rest.length === 0 || PLUMBING.has(folder)) return undefined;
  return folder;
}

/** The rules broken by one import of `target` from `file` (both repo-relative, `/`-separated). */
export function checkImport(file: string, target: string): string[] {
  const broken: string[] = [];
  const targetRoot = target.split('/')[0] ?? '';
  if (file.startsWith('src/') && OUTSIDE_SRC.includes(targetRoot)) {
    broken.push(`src/ must not import ${targetRoot}/`);
  }
  const capability = capabilityOf(target);
  if (
    capability !== undefined &&
    capabilityOf(file) !== capability &&
    target !== `src/${capability}/index.ts`
  ) {
    broken.push(`use src/${capability}/index.ts, the ${capability} capability's public entry`);
  }
  return broken;
}

/** Checks every TypeScript file under the checked roots of `repoRoot`. */
export function checkRepoImports(repoRoot: string): ImportViolation[] {
  const violations: ImportViolation[] = [];
  for (const file of CHECKED_ROOTS.flatMap((root) => listTypeScript(repoRoot, root))) {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    for (const { specifier, line } of relativeImports(file, text)) {
      const target = normalize(join(dirname(file), specifier))
        .split(sep)
        .join('/');
      for (const rule of checkImport(file, target)) violations.push({ file, line, target, rule });
    }
  }
  return violations;
}

function listTypeScript(repoRoot: string, folder: string): string[] {
  const entries = readdirSync(join(repoRoot, folder), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.includes('/node_modules/'))
    .sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = checkRepoImports(process.cwd());
  for (const { file, line, target, rule } of violations)
    console.error(`${file}:${line} imports ${target}: ${rule}`);
  if (violations.length > 0) {
    console.error(`${violations.length} import(s) break the rules of docs/architecture.md`);
    process.exit(1);
  }
  console.log('imports follow docs/architecture.md');
}
