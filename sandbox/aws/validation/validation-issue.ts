/** One broken constraint, found by the model walk or by a hand-written rule. */
export interface ValidationIssue {
  /** AWS's path spelling: lower-camel member names, list items as `filters.1.member.key`. */
  path: string;
  /** The model's member names from the input root, e.g. ['Filters', '1', 'Name'], for query-style messages. */
  members: string[];
  kind: 'missing' | 'invalid';
  /** The offending value (decoded); rendered into the message unless `sensitive`. */
  value: unknown;
  sensitive: boolean;
  /** AWS's constraint text, e.g. "Member must have value less than or equal to 5". */
  constraint: string;
  /** A complete service-specific message, used instead of the generic one (hand-written RDS rules). */
  message?: string;
}

/** Java-style rendering, as AWS prints values: `[a, b]`, `{k=v}`. */
export function renderValue(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Uint8Array)
    return `java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]`;
  if (Array.isArray(value)) return `[${value.map(renderValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    return `{${entries.map(([key, inner]) => `${key}=${renderValue(inner)}`).join(', ')}}`;
  }
  return String(value);
}

/** One clause: "Value '7' at 'impact' failed to satisfy constraint: Member must …". */
export function describeIssue(issue: ValidationIssue): string {
  const shown =
    issue.kind === 'missing'
      ? 'Value null'
      : issue.sensitive
        ? 'Value'
        : `Value '${renderValue(issue.value)}'`;
  return `${shown} at '${issue.path}' failed to satisfy constraint: ${issue.constraint}`;
}

/** AWS's ValidationException message: "2 validation errors detected: …; …". */
export function formatValidationMessage(issues: ValidationIssue[]): string {
  const count = issues.length;
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${issues.map(describeIssue).join('; ')}`;
}
