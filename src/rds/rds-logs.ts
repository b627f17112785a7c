import type { RdsPort } from '../aws/rds-port.ts';
import { homeChannelOf, type Incident, incidentId } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import { escapeMrkdwn } from '../slack/mrkdwn.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import { tailLogLines } from './log-tail.ts';
import type { LogFileFacts } from './rds-facts.ts';
import { buildLogSnippetText, formatBytes } from './rds-log-snippet.ts';

export interface RdsLogsDeps {
  rds: RdsPort;
  store: Store;
  slack: Pick<SlackGateway, 'postMessage' | 'permalink'>;
  logger: Logger;
  alertChannel: string;
}

/** What `postLogTail` answers: the reply in words, and the file it posted from when it posted. */
export interface LogTailAnswer {
  text: string;
  posted?: { instanceId: string; file: string };
}

export interface LogRequest {
  /** A log file name; the newest file when absent. */
  file?: string;
  lines: number;
}

/** The newest file first (LastWritten, then name, since hourly files share a write time at rollover). */
function newestFirst(files: readonly LogFileFacts[]): LogFileFacts[] {
  return [...files].sort(
    (a, b) => b.lastWritten.getTime() - a.lastWritten.getTime() || b.name.localeCompare(a.name),
  );
}

const code = (text: string) => `\`${escapeMrkdwn(text).replace(/`/g, "'")}\``;

/**
 * `/incident rds logs`: the last lines of a DB instance's newest (or named) log file, read from
 * the end with DownloadDBLogFilePortion (never the whole file), posted as a code block in the
 * thread of the incident's card in the alert channel. Answers in words where it went.
 */
export async function postLogTail(
  deps: RdsLogsDeps,
  incident: Incident,
  instanceId: string,
  request: LogRequest,
  userId: string,
): Promise<LogTailAnswer> {
  const id = incidentId(incident.seq);
  // Before any AWS call: without a card there is no thread to post in.
  const channel = homeChannelOf(incident, deps.alertChannel);
  const card = await deps.store.getCard(incident.seq, channel);
  if (!card?.ts)
    return {
      text: `${id} has no card in <#${channel}> yet, so there is no thread for the log lines; try again in a moment.`,
    };
  const files = newestFirst(await deps.rds.listLogFiles(instanceId));
  if (files.length === 0) return { text: `DB instance ${code(instanceId)} has no log files.` };
  const file =
    request.file === undefined ? files[0] : files.find((candidate) => candidate.name === request.file);
  if (!file) {
    const names = files.slice(0, 5).map((candidate) => `• ${code(candidate.name)}`);
    return {
      text: `DB instance ${code(instanceId)} has no log file ${code(request.file ?? '')}. The newest:\n${names.join('\n')}`,
    };
  }
  const tail = await tailLogLines(
    (portion) => deps.rds.downloadLogPortion(instanceId, file.name, portion),
    request.lines,
  );
  deps.logger.info(
    {
      incidentSeq: incident.seq,
      instanceId,
      file: file.name,
      lines: tail.lines.length,
      portions: tail.portions,
    },
    'posting RDS log lines',
  );
  const text = buildLogSnippetText({
    seq: incident.seq,
    instanceId,
    file,
    lines: tail.lines,
    requestedBy: userId,
    complete: tail.complete,
  });
  const posted = await deps.slack.postMessage({ channel, threadTs: card.ts, text });
  const link = await deps.slack.permalink(channel, posted.ts).catch(() => '');
  const where = link ? `<${link}|the thread of ${id}'s card>` : `the thread of ${id}'s card in <#${channel}>`;
  return {
    text: `Posted the last ${tail.lines.length} lines of ${code(file.name)} (${formatBytes(file.size)}) from ${code(instanceId)} in ${where}.`,
    posted: { instanceId, file: file.name },
  };
}
