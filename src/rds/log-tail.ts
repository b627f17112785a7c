import type { LogPortion } from './rds-facts.ts';

/** One DownloadDBLogFilePortion call: NumberOfLines always, a Marker only to follow a cut portion. */
export type FetchLogPortion = (request: { lines: number; marker?: string }) => Promise<LogPortion>;

export interface LogTail {
  lines: string[];
  /** False when warroom stopped following markers (the file grew faster than it was read). */
  complete: boolean;
  /** How many portions were requested. */
  portions: number;
}

/** A log request without a count shows this many lines (the command's default, the card menu's Logs). */
export const DEFAULT_LOG_LINES = 50;

/** A log line longer than this is cut: kept lines are what bounds memory, so they are bounded too. */
export const MAX_LOG_LINE = 2000;

function cut(line: string): string {
  return line.length > MAX_LOG_LINE ? `${line.slice(0, MAX_LOG_LINE - 1)}…` : line;
}

/**
 * The last `count` lines of an RDS log file, never reading the file whole. The first request asks
 * for NumberOfLines without a Marker, which RDS answers from the end of the file. RDS cuts a
 * portion at 1 MB and then sets AdditionalDataPending with a Marker; following it reads forward to
 * the end. Only the newest `count` lines are kept as portions arrive (a line split across two
 * portions is joined), so memory stays bounded by `count` lines even if the file grows while it is
 * read; at most `maxPortions` calls are made, and a Marker that does not move stops the loop.
 */
export async function tailLogLines(fetch: FetchLogPortion, count: number, maxPortions = 8): Promise<LogTail> {
  const kept: string[] = [];
  let carry = '';
  let marker: string | undefined;
  let portions = 0;
  let complete = false;
  while (portions < maxPortions) {
    const portion = await fetch(marker === undefined ? { lines: count } : { lines: count, marker });
    portions += 1;
    const pieces = (carry + portion.data).split('\n');
    // The last piece is the start of a line the next portion finishes ('' when the data ended a line).
    carry = cut(pieces.pop() ?? '');
    for (const piece of pieces) kept.push(cut(piece.replace(/\r$/, '')));
    if (kept.length > count) kept.splice(0, kept.length - count);
    if (!portion.pending || portion.marker === undefined || portion.marker === marker) {
      complete = true;
      break;
    }
    marker = portion.marker;
  }
  if (carry !== '') {
    kept.push(carry);
    if (kept.length > count) kept.splice(0, kept.length - count);
  }
  return { lines: kept, complete, portions };
}
