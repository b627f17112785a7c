import type { Clock } from '../clock.ts';
import type { TimelineEntry } from '../incidents/index.ts';
import { annotation } from '../incidents/index.ts';
import type { Store } from '../store/store.ts';

/** What responders read about an incident's database through warroom. */
export type RdsRead = 'status' | 'check' | 'logs';

/** Who asked, and the request that asked (`cmd:<trigger>`, `click:<trigger>`): read twice, recorded once. */
export interface RdsReader {
  userId: string;
  requestKey: string;
}

const READ_WORDS: Record<RdsRead, string> = {
  status: 'read the database status of',
  check: 'ran the database check on',
  logs: 'read the database logs of',
};

/**
 * The timeline entry's dedupe key: it also says which read the entry records, so a drill's debrief
 * (and anyone reading the store) can tell that the team read the status and the logs.
 */
export function rdsReadKey(read: RdsRead, requestKey: string): string {
  return `rds-read:${read}:${requestKey}`;
}

/** Whether a timeline entry records a read of this kind. */
export function isRdsRead(entry: Pick<TimelineEntry, 'dedupeKey'>, read: RdsRead): boolean {
  return entry.dedupeKey?.startsWith(`rds-read:${read}:`) ?? false;
}

export interface RdsReadDeps {
  store: Pick<Store, 'mutateIncident'>;
  clock: Clock;
  onTimeline: (seq: number) => void;
}

/**
 * Puts a read warroom answered on the incident's timeline (and so Incident Manager's): who read
 * what, of which database. An annotation, so the card is not redrawn for it.
 */
export async function recordRdsRead(
  deps: RdsReadDeps,
  seq: number,
  read: RdsRead,
  reader: RdsReader,
  subject: string,
): Promise<void> {
  const at = deps.clock.now();
  // Plain text: the timeline is shown escaped, and also written to Incident Manager.
  const text = `${READ_WORDS[read]} ${subject}`;
  const outcome = await deps.store.mutateIncident(
    seq,
    at,
    annotation(at, reader.userId, text),
    rdsReadKey(read, reader.requestKey),
  );
  if (outcome.kind === 'changed') deps.onTimeline(seq);
}
