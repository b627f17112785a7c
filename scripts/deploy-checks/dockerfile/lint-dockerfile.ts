import { validate } from 'dockerfile-utils';
import { checkDockerfileRules } from './dockerfile-rules.ts';
import { parseDockerfile } from './parse-dockerfile.ts';

/**
 * Lints a Dockerfile the way `hadolint` plus an editor would, without either installed: the
 * diagnostics of dockerfile-utils' validator (syntax, instruction arguments, casing, duplicate
 * CMD/HEALTHCHECK…) and warroom's hadolint-derived rules. One line per problem; empty means clean.
 */
export function lintDockerfile(text: string): string[] {
  const diagnostics = validate(text).map(
    (diagnostic) =>
      `line ${diagnostic.range.start.line + 1}: dockerfile-utils ${diagnostic.code}: ${diagnostic.message}`,
  );
  let findings: string[];
  try {
    findings = checkDockerfileRules(parseDockerfile(text)).map(
      (finding) => `line ${finding.line}: ${finding.rule}: ${finding.message}`,
    );
  } catch (error) {
    findings = [(error as Error).message];
  }
  return [...diagnostics, ...findings];
}
