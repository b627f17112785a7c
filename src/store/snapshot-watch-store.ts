/** How a watched snapshot ended. */
export type SnapshotOutcome =
  | { kind: 'available' }
  | { kind: 'failed'; status: string }
  | { kind: 'gone' }
  | { kind: 'gave-up' };

/** Names one watch: RDS keeps instance and cluster snapshot ids apart. */
export interface SnapshotKey {
  kind: 'instance' | 'cluster';
  snapshotId: string;
}

/** A snapshot warroom took, watched until RDS says how it ended and the card's thread was told. */
export interface SnapshotWatchRecord extends SnapshotKey {
  seq: number;
  /** The DB instance or cluster it is a snapshot of. */
  sourceId: string;
  startedBy: string;
  startedAt: Date;
  /** watching → reporting (claimed until nextCheckAt) → done. */
  status: 'watching' | 'reporting' | 'done';
  /** The next look while watching; the end of the claim while reporting; none once done. */
  nextCheckAt?: Date;
  /** The wait before the look after next (it doubles up to a cap). */
  delayMs: number;
  /** Looks at the snapshot so far. */
  attempts: number;
  outcome?: SnapshotOutcome;
  reportAttempts: number;
}

export type NewSnapshotWatch = Pick<
  SnapshotWatchRecord,
  'kind' | 'snapshotId' | 'seq' | 'sourceId' | 'startedBy' | 'startedAt' | 'delayMs'
> & { nextCheckAt: Date };

/**
 * Snapshot watches, durable so a restart resumes them. Reporting is claimed before it is done: two
 * passes (or two processes sharing the file) cannot both report one snapshot, and a claim left by a
 * crash runs out and is taken again.
 */
export interface SnapshotWatchStore {
  /** Records a watch once: the same snapshot again answers false and changes nothing. */
  add(watch: NewSnapshotWatch): Promise<boolean>;
  get(key: SnapshotKey): Promise<SnapshotWatchRecord | undefined>;
  /** Watches to look at now, and claims that ran out, earliest first. */
  listDue(now: Date, limit: number): Promise<SnapshotWatchRecord[]>;
  /** Still not done: one more look counted, the next at `next`. */
  recordLook(key: SnapshotKey, next: Date, delayMs: number): Promise<void>;
  /**
   * Claims the report until `leaseUntil`: a watch moves to reporting with its outcome (a claim that
   * ran out keeps the outcome it had). False when it is done or someone else holds the claim.
   */
  claimReport(key: SnapshotKey, outcome: SnapshotOutcome, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Reported (or given up on, with the error): never looked at again. */
  finish(key: SnapshotKey, now: Date, error?: string): Promise<void>;
  /** A report that failed stays claimed until its lease runs out, then is tried again. */
  recordReportFailure(key: SnapshotKey, error: string): Promise<void>;
  /** Watches not done yet. */
  countActive(): Promise<number>;
}
