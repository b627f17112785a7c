/** One scheduled ping of an incident's escalation: a policy stage, or a repeat of its last one. */
export interface EscalationStageRecord {
  seq: number;
  /** 0, 1, … in policy order; repeats of the last stage continue the count. */
  index: number;
  policy: string;
  notify: string[];
  dueAt: Date;
  /** due → claimed (until claimedUntil) → fired; or cancelled (acknowledged, resolved, given up). */
  status: 'due' | 'claimed' | 'fired' | 'cancelled';
  claimedUntil?: Date;
  /** When set, firing this stage schedules the next repeat this long after it was due. */
  repeatEveryMs?: number;
  attempts: number;
}

export type NewEscalationStage = Pick<
  EscalationStageRecord,
  'seq' | 'index' | 'policy' | 'notify' | 'dueAt' | 'repeatEveryMs'
>;

/** A due stage, with the status its incident has now. */
export interface DueEscalationStage extends EscalationStageRecord {
  incidentStatus: string;
}

/**
 * Escalation stages, durable so a restart fires what fell due while warroom was down. A stage is
 * claimed by one UPDATE before it is pinged: two passes, or two processes sharing the file, never
 * both fire it; a claim left by a crash runs out and is taken again.
 */
export interface EscalationStore {
  /** Records stages once: stages already there (same incident and index) are left as they are. */
  schedule(stages: readonly NewEscalationStage[]): Promise<number>;
  /**
   * A reopened incident's stages, written over the old round's (same indexes) unless a stage
   * of this round (due at or after `since`, not cancelled) exists already: asking twice, or
   * after the round fired, changes nothing. Returns the number of stages written.
   */
  scheduleRound(seq: number, since: Date, stages: readonly NewEscalationStage[]): Promise<number>;
  /**
   * The policy an impact raise calls for, started once: the first caller for this incident and
   * impact, while the incident's stored impact is still `impact`, cancels every stage not yet fired
   * and writes `stages` in one step, answering how many it wrote. Anyone else (the same raise seen
   * twice, a second process, a raise the impact has since moved past) gets 0 and changes nothing.
   * The old policy's stages past the new one's are removed, so the new policy's repeats have room.
   */
  startImpactRound(
    seq: number,
    impact: number,
    now: Date,
    stages: readonly NewEscalationStage[],
  ): Promise<number>;
  list(seq: number): Promise<EscalationStageRecord[]>;
  /**
   * Stages due by `now` (and claims that ran out), earliest first. Stages of an incident snoozed
   * past `now` (its `snooze.until`) are not listed: they wait for the snooze to end.
   */
  listDue(now: Date, limit: number): Promise<DueEscalationStage[]>;
  /**
   * True for exactly one caller: the stage was due (or its claim ran out), its incident is open and
   * not snoozed past `now`.
   */
  claim(seq: number, index: number, now: Date, leaseUntil: Date): Promise<boolean>;
  markFired(seq: number, index: number, now: Date): Promise<void>;
  /** A failed ping stays claimed until its lease runs out, then is tried again. */
  recordFailure(seq: number, index: number, error: string): Promise<void>;
  /** Cancels every stage not yet fired; answers how many were. */
  cancel(seq: number, now: Date): Promise<number>;
}
