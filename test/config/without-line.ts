/** A config problem without the `(path:line)` that load-config adds: for tests about what it says. */
export function withoutLine(problem: string): string {
  return problem.replace(/ \([^()]+:\d+\)$/, '');
}
