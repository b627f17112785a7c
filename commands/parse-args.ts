import { z } from 'zod';
import { IMPACT_NAMES, type Impact, isImpact, parseIncidentId } from '../src/incidents/index.ts';
import { splitArguments } from './split-arguments.ts';
import type { ParseResult } from './subcommand.ts';

/** Text the user typed, made safe to quote inside a code span in a reply. */
export function quote(text: string): string {
  return `\`${text.replace(/`/g, "'").slice(0, 60)}\``;
}

/**
 * Slack sends a command's text with &, < and > as HTML entities (its message escaping). Decoded once
 * at the edge, a note or title is stored as the person typed it, the same as from a modal, and is
 * escaped again wherever it is shown.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The first word and the rest of the text as typed (newlines and spacing kept, for notes). */
export function splitFirstWord(text: string): { first: string | undefined; rest: string } {
  const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(text);
  return match ? { first: match[1], rest: (match[2] ?? '').trimEnd() } : { first: undefined, rest: '' };
}

/** A leading incident id when the first word is one; otherwise the whole text is the rest. */
export function splitLeadingId(text: string): { id: number | undefined; rest: string } {
  const { first, rest } = splitFirstWord(text);
  const id = first === undefined ? undefined : parseIncidentId(first);
  return id === undefined ? { id: undefined, rest: text.trim() } : { id, rest };
}

export const IMPACT_HINT = `impact must be ${([1, 2, 3, 4, 5] as const)
  .map((impact) => `${impact} (${IMPACT_NAMES[impact]})`)
  .join(', ')}`;

/** `INC-42`, `inc-42` or `42`. */
export const incidentIdWord = z.string().transform((word, ctx): number => {
  const id = parseIncidentId(word);
  if (id === undefined) {
    ctx.addIssue({ code: 'custom', message: `${quote(word)} is not an incident id (INC-42, inc-42 or 42).` });
    return z.NEVER;
  }
  return id;
});

/** 1 to 5. */
export const impactWord = z.string().transform((word, ctx): Impact => {
  const impact = /^\d$/.test(word) ? Number(word) : Number.NaN;
  if (!isImpact(impact)) {
    ctx.addIssue({ code: 'custom', message: `${quote(word)} is not an impact.` });
    return z.NEVER;
  }
  return impact;
});

/** A subcommand that takes nothing but an optional incident id. */
export const optionalIdArgs = z.union([
  z.tuple([]).transform(() => ({ id: undefined })),
  z.tuple([incidentIdWord]).transform(([id]) => ({ id })),
]);

type Issue = z.core.$ZodIssue;

/**
 * The message worth showing from a failed parse: the first custom issue. In a union, only the
 * branches with the right number of words count, so `impact INC-1 x` complains about `x`, not INC-1.
 */
function problemOf(issues: readonly Issue[]): string | undefined {
  for (const issue of issues) {
    if (issue.code === 'custom') return issue.message;
    if (issue.code === 'invalid_union') {
      const fitting = issue.errors.filter(
        (branch) => !branch.some((inner) => inner.code === 'too_small' || inner.code === 'too_big'),
      );
      for (const branch of fitting) {
        const found = problemOf(branch);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/**
 * Splits the text into arguments (a quoted run is one, without its quotes) and runs the schema
 * over them; a quote left open is the problem reported.
 */
export function parseArguments<A>(schema: z.ZodType<A>, text: string): ParseResult<A> {
  const split = splitArguments(text);
  if (!split.ok) return { ok: false, problem: split.problem };
  return parseWith(
    schema,
    split.args.map((arg) => arg.text),
  );
}

/** Runs a schema over the arguments; a failure carries the specific problem when there is one. */
export function parseWith<A>(schema: z.ZodType<A>, input: unknown): ParseResult<A> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, args: result.data };
  const problem = problemOf(result.error.issues);
  return problem ? { ok: false, problem } : { ok: false };
}
