import { escapeMrkdwn, truncate } from './mrkdwn.ts';

/** What help and usage replies need to know about a subcommand. */
export interface CommandDescription {
  /** e.g. `/incident impact [id] <1-5>` */
  usage: string;
  /** One line for the help list. */
  summary: string;
  /** What the arguments must be, added to the usage line, e.g. "impact must be 1 (Critical) … 5 (No impact)". */
  hint?: string;
}

const ID_NOTE =
  '`[id]` is `INC-42`, `inc-42` or `42`; leave it out in an incident’s own channel or where one incident is open.';

/** Every subcommand with what it does. */
export function buildCommandHelp(commands: readonly CommandDescription[]): string {
  const lines = commands.map((command) => `• \`${command.usage}\` — ${command.summary}`);
  return `*warroom* — \`/incident\` subcommands:\n${lines.join('\n')}\n${ID_NOTE}`;
}

/**
 * The ephemeral answer to bad arguments: what was wrong (when known), then the usage line of that
 * subcommand. `problem` may quote what the user typed, so it is escaped here.
 */
export function buildUsageText(command: CommandDescription, problem?: string): string {
  const hint = command.hint ?? command.summary;
  const usage = `Usage: \`${command.usage}\` — ${hint}`;
  return problem ? `${escapeMrkdwn(truncate(problem, 300))}\n${usage}` : usage;
}

/** The answer to a subcommand warroom does not have. */
export function buildUnknownCommandText(name: string, commands: readonly CommandDescription[]): string {
  // A backtick in the name would end the code span early.
  const shown = escapeMrkdwn(truncate(name, 50)).replace(/`/g, "'");
  return `\`/incident\` has no subcommand \`${shown}\`.\n${buildCommandHelp(commands)}`;
}
