import type { ValidationIssue } from '../../validation/validation-issue.ts';

/**
 * STS matches its patterns against the whole value, where the model's unanchored Smithy patterns
 * would accept any value containing one allowed character ("has spaces"). These are those
 * patterns anchored, with STS's wording.
 */
const WHOLE_VALUE: Record<string, { member: string; pattern: RegExp; text: string }[]> = {
  AssumeRole: [
    { member: 'RoleSessionName', pattern: /^[\w+=,.@-]*$/, text: '[\\w+=,.@-]*' },
    { member: 'ExternalId', pattern: /^[\w+=,.@:/-]*$/, text: '[\\w+=,.@:\\/-]*' },
  ],
};

export function stsConstraintIssues(operation: string, input: Record<string, unknown>): ValidationIssue[] {
  return (WHOLE_VALUE[operation] ?? []).flatMap(({ member, pattern, text }) => {
    const value = input[member];
    if (typeof value !== 'string' || pattern.test(value)) return [];
    return [
      {
        path: member.replace(/^./, (first) => first.toLowerCase()),
        members: [member],
        kind: 'invalid' as const,
        value,
        sensitive: false,
        constraint: `Member must satisfy regular expression pattern: ${text}`,
      },
    ];
  });
}
