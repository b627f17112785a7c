/** A change RDS finishes on its own some time after a call: `stopping` becomes `stopped`. */
export interface ScheduledRdsChange {
  at: Date;
  /** Order of scheduling, so changes due at the same moment apply in the order they were made. */
  seq: number;
  apply: () => void;
}

/**
 * The changes RDS has in flight. Nothing runs on a timer: whoever settles the emulator takes the
 * due ones in time order (see RdsState.settle), so tests move them along with the injected clock.
 */
export class ScheduledRdsChanges {
  private readonly pending: ScheduledRdsChange[] = [];
  private nextSeq = 0;

  add(at: Date, apply: () => void): void {
    this.pending.push({ at, seq: this.nextSeq++, apply });
  }

  /** The earliest change still to apply (not removed). */
  peek(): ScheduledRdsChange | undefined {
    let earliest: ScheduledRdsChange | undefined;
    for (const change of this.pending) {
      if (!earliest || isBefore(change, earliest)) earliest = change;
    }
    return earliest;
  }

  /** Applies `change` (one `peek` returned) and forgets it. */
  apply(change: ScheduledRdsChange): void {
    this.pending.splice(this.pending.indexOf(change), 1);
    change.apply();
  }

  /** Applies every change due at or before `now`, earliest first. */
  applyDue(now: Date): void {
    for (let next = this.peek(); next && next.at <= now; next = this.peek()) this.apply(next);
  }
}

const isBefore = (a: ScheduledRdsChange, b: ScheduledRdsChange) =>
  a.at.getTime() < b.at.getTime() || (a.at.getTime() === b.at.getTime() && a.seq < b.seq);
