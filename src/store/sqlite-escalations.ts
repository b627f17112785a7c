import type Database from 'better-sqlite3';
import type {
  DueEscalationStage,
  EscalationStageRecord,
  EscalationStore,
  NewEscalationStage,
} from './escalation-store.ts';

export interface StageRow {
  incident_seq: number;
  stage_index: number;
  policy: string;
  notify: string;
  due_at: string;
  status: EscalationStageRecord['status'];
  claimed_until: string | null;
  repeat_every_ms: number | null;
  attempts: number;
  incident_status?: string;
}

export function toStage(row: StageRow): EscalationStageRecord {
  return {
    seq: row.incident_seq,
    index: row.stage_index,
    policy: row.policy,
    notify: JSON.parse(row.notify) as string[],
    dueAt: new Date(row.due_at),
    status: row.status,
    claimedUntil: row.claimed_until === null ? undefined : new Date(row.claimed_until),
    repeatEveryMs: row.repeat_every_ms ?? undefined,
    attempts: row.attempts,
  };
}

const WHERE_KEY = 'incident_seq = @seq AND stage_index = @index';

/** A stage written afresh over whatever row its index had (a new round, a new policy). */
const UPSERT_STAGE = `INSERT INTO escalation_stages (incident_seq, stage_index, policy, notify, due_at, repeat_every_ms)
  VALUES (@seq, @index, @policy, @notify, @dueAt, @repeatEveryMs)
  ON CONFLICT (incident_seq, stage_index) DO UPDATE SET
    policy = excluded.policy, notify = excluded.notify, due_at = excluded.due_at,
    repeat_every_ms = excluded.repeat_every_ms, status = 'due', claimed_until = NULL,
    attempts = 0, last_error = NULL, fired_at = NULL, cancelled_at = NULL`;

function stageParams(stage: NewEscalationStage) {
  return {
    seq: stage.seq,
    index: stage.index,
    policy: stage.policy,
    notify: JSON.stringify(stage.notify),
    dueAt: stage.dueAt.toISOString(),
    repeatEveryMs: stage.repeatEveryMs ?? null,
  };
}

/** An incident whose snooze (in its JSON record) runs past @now holds its stages back. */
const NOT_SNOOZED = (alias: string) =>
  `(json_extract(${alias}.data, '$.snooze.until') IS NULL OR json_extract(${alias}.data, '$.snooze.until') <= @now)`;

/** The escalation_stages table. Each statement is atomic on its own; the claim is one UPDATE. */
export class SqliteEscalations implements EscalationStore {
  constructor(private readonly db: Database.Database) {}

  async schedule(stages: readonly NewEscalationStage[]): Promise<number> {
    const insert = this.db.prepare(
      `INSERT INTO escalation_stages (incident_seq, stage_index, policy, notify, due_at, repeat_every_ms)
       VALUES (@seq, @index, @policy, @notify, @dueAt, @repeatEveryMs)
       ON CONFLICT (incident_seq, stage_index) DO NOTHING`,
    );
    return this.db.transaction(() =>
      stages.reduce((added, stage) => added + insert.run(stageParams(stage)).changes, 0),
    )();
  }

  async scheduleRound(seq: number, since: Date, stages: readonly NewEscalationStage[]): Promise<number> {
    const begun = this.db.prepare(
      `SELECT COUNT(*) AS n FROM escalation_stages
       WHERE incident_seq = ? AND status != 'cancelled' AND due_at >= ?`,
    );
    const upsert = this.db.prepare(UPSERT_STAGE);
    // Repeats of the old round sit at higher indexes than the policy's stages: cancel them.
    const dropOld = this.db.prepare(
      `UPDATE escalation_stages SET status = 'cancelled', cancelled_at = @since, claimed_until = NULL
       WHERE incident_seq = @seq AND stage_index >= @count AND status IN ('due', 'claimed')`,
    );
    return this.db.transaction(() => {
      if ((begun.get(seq, since.toISOString()) as { n: number }).n > 0) return 0;
      dropOld.run({ seq, count: stages.length, since: since.toISOString() });
      for (const stage of stages) upsert.run(stageParams({ ...stage, seq }));
      return stages.length;
    })();
  }

  async startImpactRound(
    seq: number,
    impact: number,
    now: Date,
    stages: readonly NewEscalationStage[],
  ): Promise<number> {
    const claim = this.db.prepare(
      `INSERT INTO escalation_impact_rounds (incident_seq, impact, started_at)
       SELECT @seq, @impact, @now WHERE EXISTS
         (SELECT 1 FROM incidents WHERE seq = @seq AND json_extract(data, '$.impact') = @impact)
       ON CONFLICT (incident_seq, impact) DO NOTHING`,
    );
    const at = now.toISOString();
    return this.db.transaction(() => {
      if (claim.run({ seq, impact, now: at }).changes === 0) return 0;
      this.db
        .prepare(
          `UPDATE escalation_stages SET status = 'cancelled', cancelled_at = ?, claimed_until = NULL
           WHERE incident_seq = ? AND status IN ('due', 'claimed')`,
        )
        .run(at, seq);
      // The old policy's rows past the new one's stages go: the new policy's repeats take those
      // indexes, and a row left there would stop them (a repeat is written only where none is).
      this.db
        .prepare('DELETE FROM escalation_stages WHERE incident_seq = ? AND stage_index >= ?')
        .run(seq, stages.length);
      // Same indexes as the old policy's stages: the new stage takes the row over, afresh.
      const upsert = this.db.prepare(UPSERT_STAGE);
      for (const stage of stages) upsert.run(stageParams({ ...stage, seq }));
      return stages.length;
    })();
  }

  async list(seq: number): Promise<EscalationStageRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM escalation_stages WHERE incident_seq = ? ORDER BY stage_index')
      .all(seq);
    return (rows as StageRow[]).map(toStage);
  }

  async listDue(now: Date, limit: number): Promise<DueEscalationStage[]> {
    const rows = this.db
      .prepare(
        `SELECT e.*, i.status AS incident_status FROM escalation_stages e
         JOIN incidents i ON i.seq = e.incident_seq
         WHERE ((e.status = 'due' AND e.due_at <= @now) OR (e.status = 'claimed' AND e.claimed_until <= @now))
           AND ${NOT_SNOOZED('i')}
         ORDER BY e.due_at LIMIT @limit`,
      )
      .all({ now: now.toISOString(), limit });
    return (rows as StageRow[]).map((row) => ({
      ...toStage(row),
      incidentStatus: row.incident_status ?? 'open',
    }));
  }

  async claim(seq: number, index: number, now: Date, leaseUntil: Date): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE escalation_stages SET status = 'claimed', claimed_until = @leaseUntil, attempts = attempts + 1
         WHERE ${WHERE_KEY}
           AND ((status = 'due' AND due_at <= @now) OR (status = 'claimed' AND claimed_until <= @now))
           AND EXISTS (SELECT 1 FROM incidents i WHERE i.seq = @seq AND i.status = 'open' AND ${NOT_SNOOZED('i')})`,
      )
      .run({ seq, index, now: now.toISOString(), leaseUntil: leaseUntil.toISOString() });
    return result.changes === 1;
  }

  async markFired(seq: number, index: number, now: Date): Promise<void> {
    this.db
      .prepare(
        `UPDATE escalation_stages SET status = 'fired', fired_at = @now, claimed_until = NULL WHERE ${WHERE_KEY}`,
      )
      .run({ seq, index, now: now.toISOString() });
  }

  async recordFailure(seq: number, index: number, error: string): Promise<void> {
    this.db
      .prepare(`UPDATE escalation_stages SET last_error = @error WHERE ${WHERE_KEY}`)
      .run({ seq, index, error });
  }

  async cancel(seq: number, now: Date): Promise<number> {
    return this.db
      .prepare(
        `UPDATE escalation_stages SET status = 'cancelled', cancelled_at = ?, claimed_until = NULL
         WHERE incident_seq = ? AND status IN ('due', 'claimed')`,
      )
      .run(now.toISOString(), seq).changes;
  }
}
