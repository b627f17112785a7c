/**
 * An emulated RDS log file. Lines are produced on demand by `line(i)`, so a 20 MB log costs a
 * generator function, not 20 MB of strings: the emulator can prove a reader takes only the tail.
 */
export interface LogFileRecord {
  instanceId: string;
  name: string;
  lineCount: number;
  /** Line `index` (0-based), without its newline. */
  line(index: number): string;
  /** Bytes, as DescribeDBLogFiles reports them. */
  size: number;
  lastWritten: Date;
  /** Bytes of LogFileData served from this file so far. */
  bytesServed: number;
}

export interface LogFileSeed {
  /** Small files: the literal text (lines split on \n). */
  content?: string;
  /** Big files: how many lines, each made by `generator` when asked for. */
  lines?: number;
  generator?: (index: number) => string;
  /** The Size to report; computed from the lines (one pass, nothing kept) when absent. */
  size?: number;
  lastWritten?: Date;
}

function measure(count: number, line: (index: number) => string): number {
  let bytes = 0;
  for (let index = 0; index < count; index++) bytes += Buffer.byteLength(line(index)) + 1;
  return bytes;
}

/** Log files per DB instance, keyed by lower-case instance id, then by file name. */
export class RdsLogFiles {
  private readonly files = new Map<string, Map<string, LogFileRecord>>();

  add(instanceId: string, name: string, seed: LogFileSeed, now: Date): LogFileRecord {
    const id = instanceId.toLowerCase();
    let line: (index: number) => string;
    let lineCount: number;
    if (seed.generator) {
      line = seed.generator;
      lineCount = seed.lines ?? 0;
    } else {
      const text = seed.content ?? '';
      const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
      line = (index) => lines[index] ?? '';
      lineCount = lines.length;
    }
    const record: LogFileRecord = {
      instanceId: id,
      name,
      lineCount,
      line,
      size: seed.size ?? measure(lineCount, line),
      lastWritten: seed.lastWritten ?? now,
      bytesServed: 0,
    };
    const forInstance = this.files.get(id) ?? new Map<string, LogFileRecord>();
    forInstance.set(name, record);
    this.files.set(id, forInstance);
    return record;
  }

  list(instanceId: string): LogFileRecord[] {
    return [...(this.files.get(instanceId.toLowerCase())?.values() ?? [])];
  }

  get(instanceId: string, name: string): LogFileRecord | undefined {
    return this.files.get(instanceId.toLowerCase())?.get(name);
  }
}
