import { readFileSync } from 'node:fs';
import { parseDockerfile } from './parse-dockerfile.ts';

/** One .dockerignore pattern as a matcher: `*`, `?` within a segment, `**` across them, `!` to re-include. */
interface IgnorePattern {
  exclude: boolean;
  regex: RegExp;
}

function toRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern naming a folder excludes everything inside it too.
  return new RegExp(`^${source}(/.*)?$`);
}

/** Reads .dockerignore the way Docker does: comments and blanks skipped, leading `/` and `./` dropped. */
export function parseDockerignore(text: string): IgnorePattern[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const exclude = !line.startsWith('!');
      const pattern = (exclude ? line : line.slice(1)).replace(/^\.?\//, '').replace(/\/$/, '');
      return { exclude, regex: toRegex(pattern) };
    });
}

/** Whether a repository path reaches the build context (the last matching pattern decides). */
export function isInBuildContext(path: string, patterns: IgnorePattern[]): boolean {
  let included = true;
  for (const { exclude, regex } of patterns) if (regex.test(path)) included = !exclude;
  return included;
}

/** The repository paths the final stage COPYs from the build context (not from another stage). */
export function copiedFromContext(dockerfileText: string): string[] {
  const file = parseDockerfile(dockerfileText);
  const last = file.stages.length - 1;
  return file.instructions
    .filter((i) => i.stage === last && i.keyword === 'COPY' && !/--from=/.test(i.args))
    .flatMap((i) =>
      i.args
        .split(/\s+/)
        .filter((word) => !word.startsWith('--'))
        .slice(0, -1),
    )
    .map((source) => source.replace(/^\.\//, '').replace(/\/$/, ''));
}

/** Files the runtime needs that the image would not have: not copied, or kept out by .dockerignore. */
export function missingFromImage(runtimeFiles: string[], dockerfilePath = 'Dockerfile'): string[] {
  const copied = copiedFromContext(readFileSync(dockerfilePath, 'utf8'));
  const patterns = parseDockerignore(readFileSync('.dockerignore', 'utf8'));
  return runtimeFiles.filter(
    (path) =>
      !copied.some((source) => path === source || path.startsWith(`${source}/`)) ||
      !isInBuildContext(path, patterns),
  );
}
