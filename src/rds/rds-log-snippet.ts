import { incidentId } from '../incidents/index.ts';
import { escapeMrkdwn, slackDate } from '../slack/mrkdwn.ts';
import { fitLines } from '../slack/section-lines.ts';
import type { LogFileFacts } from './rds-facts.ts';

/**
 * What the log lines may take of one message: Slack refuses `text` over 40,000 characters, and the
 * heading and the fence need their share.
 */
export const LOG_TEXT_BUDGET = 36_000;

/** A byte count the way people read it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** A log line inside a code block: escaped for mrkdwn, and unable to close the fence early. */
function codeLine(line: string): string {
  return escapeMrkdwn(line).replace(/```/g, "'''");
}

export interface LogSnippetInput {
  seq: number;
  instanceId: string;
  file: LogFileFacts;
  lines: readonly string[];
  requestedBy: string;
  /** False when warroom stopped following RDS's markers before the end of the file. */
  complete: boolean;
}

/**
 * The thread message with a log's last lines in a code block. Lines that would break Slack's
 * message limit are dropped from the top (the newest lines matter most), and the message says so.
 */
export function buildLogSnippetText(input: LogSnippetInput): string {
  const { kept, dropped } = fitLines(input.lines.map(codeLine), 'last', LOG_TEXT_BUDGET);
  const name = `\`${input.file.name.replace(/`/g, "'")}\``;
  const heading =
    `*${incidentId(input.seq)}* · last ${kept.length} line${kept.length === 1 ? '' : 's'} of ${name} on ` +
    `\`${input.instanceId}\` (${formatBytes(input.file.size)}, written ${slackDate(input.file.lastWritten)}), ` +
    `asked for by <@${input.requestedBy}>`;
  const notes = [
    ...(dropped > 0 ? [`_${dropped} earlier lines did not fit in one Slack message._`] : []),
    ...(input.complete
      ? []
      : ['_The file grew while warroom read it; these may not be the very last lines._']),
  ];
  const body = kept.length > 0 ? `\`\`\`\n${kept.join('\n')}\n\`\`\`` : '_The file is empty._';
  return [heading, ...notes, body].join('\n');
}
