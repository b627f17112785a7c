import type { DownloadDBLogFilePortionDetails, DownloadDBLogFilePortionMessage } from '@aws-sdk/client-rds';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { invalidParameterValue, rdsModelledError, rdsNotFound } from './rds-errors.ts';
import type { LogFileRecord } from './rds-log-files.ts';

/** RDS cuts every portion at 1 MB. */
export const MAX_PORTION_BYTES = 1_048_576;
/** What RDS returns with neither Marker nor NumberOfLines. */
const DEFAULT_LINES = 10_000;
/** RDS's own words where it cut a line (seen in public issue threads, e.g. aws/aws-cli#3079). */
const TRUNCATED = ' [Your log message was truncated]\n';

/** Markers look like RDS's `<segment>:<offset>`; here the offset counts lines. `0` is the start. */
function markerLine(marker: string, file: LogFileRecord): number {
  const line = marker === '0' ? 0 : Number(/^\d+:(\d+)$/.exec(marker)?.[1] ?? Number.NaN);
  if (!Number.isInteger(line) || line > file.lineCount)
    throw invalidParameterValue('The marker is not valid');
  return line;
}

/**
 * DownloadDBLogFilePortion as AWS documents it: with a Marker, NumberOfLines from there (`0` is the
 * start of the file); without one, the last NumberOfLines lines (10,000 when not given). A portion
 * stops before 1 MB (a single longer line is cut and marked); the Marker then says where the next
 * one starts and AdditionalDataPending whether the file has more after it. Bytes served are
 * counted on the file, so a test can prove a reader never took the whole file.
 */
export function downloadDBLogFilePortion(
  raw: Record<string, unknown>,
  context: HandlerContext,
): DownloadDBLogFilePortionDetails {
  const input = validatedInput<DownloadDBLogFilePortionMessage>(raw);
  const id = (input.DBInstanceIdentifier ?? '').toLowerCase();
  if (!context.state.rds.instances.has(id))
    throw rdsNotFound('DBInstanceNotFound', `DBInstance ${input.DBInstanceIdentifier} not found.`);
  const name = input.LogFileName ?? '';
  const file = context.state.rds.logFiles.get(id, name);
  if (!file)
    throw rdsModelledError('DBLogFileNotFoundFault', `DBLog File: ${name}, is not found on the DB instance`);
  const count = input.NumberOfLines ?? DEFAULT_LINES;
  if (count < 1) throw invalidParameterValue('NumberOfLines must be a positive number');
  const start =
    input.Marker === undefined ? Math.max(0, file.lineCount - count) : markerLine(input.Marker, file);
  const end = Math.min(file.lineCount, start + count);
  const parts: string[] = [];
  let bytes = 0;
  let next = start;
  while (next < end) {
    const text = `${file.line(next)}\n`;
    const size = Buffer.byteLength(text);
    if (bytes + size > MAX_PORTION_BYTES) {
      if (next === start) {
        const room = MAX_PORTION_BYTES - Buffer.byteLength(TRUNCATED);
        parts.push(Buffer.from(text).subarray(0, room).toString('utf8') + TRUNCATED);
        next += 1;
      }
      break;
    }
    parts.push(text);
    bytes += size;
    next += 1;
  }
  const data = parts.join('');
  file.bytesServed += Buffer.byteLength(data);
  return { LogFileData: data, Marker: `0:${next}`, AdditionalDataPending: next < file.lineCount };
}
