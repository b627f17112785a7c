import { z } from 'zod';
import { parseIncidentId } from '../src/incidents/index.ts';
import { DEFAULT_LOG_LINES } from '../src/rds/index.ts';
import { quote } from './parse-args.ts';

export { DEFAULT_LOG_LINES };
/** More would not fit one Slack message anyway; it also bounds what is read from RDS. */
export const MAX_LOG_LINES = 500;

export type RdsArgs =
  | { id: number | undefined; action: 'status' | 'check' | 'snapshot' }
  | { id: number | undefined; action: 'logs'; file: string | undefined; lines: number };

const ACTIONS = 'status, check, logs or snapshot';

function lineCount(word: string): number | undefined {
  return /^\d{1,6}$/.test(word) ? Number(word) : undefined;
}

/**
 * `[id] status|check|snapshot` or `[id] logs [file] [lines]`. A log file name is never only digits
 * (`error/postgresql.log.2026-11-22-09`), so a lone number after `logs` is the line count.
 */
export const rdsArgs = z.array(z.string()).transform((words, ctx): RdsArgs => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  const leading = words[0] === undefined ? undefined : parseIncidentId(words[0]);
  const [action, ...rest] = leading === undefined ? words : words.slice(1);
  if (action === undefined) return fail(`Say what to do: ${ACTIONS}.`);
  const verb = action.toLowerCase();
  if (verb === 'status' || verb === 'check' || verb === 'snapshot') {
    if (rest.length > 0) return fail(`\`${verb}\` takes nothing after it.`);
    return { id: leading, action: verb };
  }
  if (verb !== 'logs') return fail(`${quote(action)} is not something \`rds\` does; try ${ACTIONS}.`);
  if (rest.length > 2) return fail('`logs` takes at most a file name and a line count.');
  const last = rest[rest.length - 1];
  const lines = last === undefined ? undefined : lineCount(last);
  const file = lines === undefined ? rest[0] : rest.length === 2 ? rest[0] : undefined;
  if (rest.length === 2 && lines === undefined) return fail(`${quote(rest[1] ?? '')} is not a line count.`);
  if (lines !== undefined && (lines < 1 || lines > MAX_LOG_LINES))
    return fail(`The line count must be 1 to ${MAX_LOG_LINES}.`);
  return { id: leading, action: 'logs', file, lines: lines ?? DEFAULT_LOG_LINES };
});
