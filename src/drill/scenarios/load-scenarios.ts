import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { BotError } from '../../errors.ts';
import { type Scenario, scenarioSchema } from './scenario-schema.ts';

/** The folder of the built-in scenario files (this one). */
export const BUILT_IN_SCENARIO_DIR = dirname(fileURLToPath(import.meta.url));

/** What `runScenario()` fires without an id: the sandbox's first scenario since the beginning. */
export const DEFAULT_SCENARIO_ID = 'rds-cpu-then-failover';

/** A scenario and the file it came from. */
export interface LoadedScenario {
  scenario: Scenario;
  file: string;
}

function shown(file: string): string {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') ? file : path;
}

/** `file:line: path: problem` for each zod issue, the line found through the YAML node at that path. */
function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  locate: (path: readonly PropertyKey[]) => number | undefined,
  file: string,
): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(top level)';
    const line = locate(issue.path);
    const where = line === undefined ? shown(file) : `${shown(file)}:${line}`;
    if (issue.code === 'unrecognized_keys') {
      return `${where}: ${path}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    }
    return `${where}: ${path}: ${issue.message}`;
  });
}

/**
 * Reads and validates one scenario file. A bad file fails with every problem at once, each naming
 * the file, the line, the path inside the scenario and what is wrong (BotError SCENARIO.INVALID).
 */
export function loadScenarioFile(file: string): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BotError('SCENARIO.NOT_FOUND', `Cannot read the scenario file ${shown(file)}.`, {
      cause: error,
      detail: (error as Error).message,
    });
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    const problems = document.errors.map(
      (error) =>
        `${shown(file)}:${error.linePos?.[0].line ?? '?'}: not valid YAML: ${error.message.split('\n')[0]}`,
    );
    throw invalid(file, problems);
  }
  const parsed = scenarioSchema.safeParse(document.toJS({ maxAliasCount: 1000 }));
  if (!parsed.success) {
    const locate = (path: readonly PropertyKey[]) => {
      // The deepest node that exists: a missing key is reported at the object that lacks it.
      for (let depth = path.length; depth >= 0; depth--) {
        const node = document.getIn(path.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    };
    throw invalid(file, describeIssues(parsed.error.issues, locate, file));
  }
  return { scenario: parsed.data, file };
}

function invalid(file: string, problems: string[]): BotError {
  return new BotError(
    'SCENARIO.INVALID',
    `The scenario file ${shown(file)} is not valid:\n${problems.join('\n')}`,
  );
}

/**
 * The built-in scenarios, the default first and the rest by id. A built-in's id must match its
 * file name, and ids must be unique, so `runScenario(id)` finds one file.
 */
export function loadBuiltInScenarios(dir = BUILT_IN_SCENARIO_DIR): LoadedScenario[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => join(dir, name));
  const loaded = files.map((file) => loadScenarioFile(file));
  for (const { scenario, file } of loaded) {
    if (`${scenario.id}.yml` !== basename(file)) {
      throw invalid(file, [
        `${shown(file)}: id: "${scenario.id}" must match the file name (${scenario.id}.yml)`,
      ]);
    }
  }
  return loaded.sort(
    (a, b) => rank(a.scenario.id) - rank(b.scenario.id) || a.scenario.id.localeCompare(b.scenario.id),
  );
}

function rank(id: string): number {
  return id === DEFAULT_SCENARIO_ID ? 0 : 1;
}

/** Built-ins plus extra files (`--file`); an extra file may not reuse a built-in's id. */
export function loadScenarios(extraFiles: readonly string[] = []): LoadedScenario[] {
  const all = loadBuiltInScenarios();
  for (const file of extraFiles) {
    const extra = loadScenarioFile(file);
    const clash = all.find((entry) => entry.scenario.id === extra.scenario.id);
    if (clash) {
      throw invalid(file, [
        `${shown(file)}: id: "${extra.scenario.id}" is already used by ${shown(clash.file)}; pick another id`,
      ]);
    }
    all.push(extra);
  }
  return all;
}

/** The scenario with this id, or a SCENARIO.UNKNOWN error listing the ids there are. */
export function findScenario(loaded: readonly LoadedScenario[], id: string): LoadedScenario {
  const found = loaded.find((entry) => entry.scenario.id === id);
  if (found) return found;
  throw new BotError(
    'SCENARIO.UNKNOWN',
    `No scenario "${id}"; known: ${loaded.map((entry) => entry.scenario.id).join(', ')}.`,
  );
}
