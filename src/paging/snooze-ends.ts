import type { Clock } from '../clock.ts';
import type { Incident, SnoozeEnd, Transition } from '../incidents/index.ts';
import { endSnooze, isSnoozed } from '../incidents/index.ts';
import type { Store } from '../store/store.ts';

export interface SnoozeEndsDeps {
  store: Pick<Store, 'mutateIncident' | 'listOpenIncidents'>;
  clock: Clock;
  /** A snooze ended: the card follows. */
  onEnded?: (incident: Incident) => void;
}

/**
 * Ends snoozes warroom ends itself: the time is up, or a signal raised the impact. Each snooze ends
 * once on the timeline (keyed by when it was set), whichever comes first and in whichever process.
 */
export class SnoozeEnds {
  constructor(private readonly deps: SnoozeEndsDeps) {}

  /** Ends the incident's snooze now, saying why; one set since (after an unsnooze) is left alone. */
  async end(incident: Incident, why: SnoozeEnd): Promise<void> {
    const { snooze } = incident;
    if (!snooze || incident.status === 'resolved') return;
    const now = this.deps.clock.now();
    // Time up ends it at its time, even when warroom notices later (after a restart).
    const at = why.kind === 'time-up' ? snooze.until : now;
    const outcome = await this.deps.store.mutateIncident(
      incident.seq,
      now,
      (current): Transition =>
        current.snooze?.at.getTime() === snooze.at.getTime()
          ? endSnooze(current, why, at)
          : { kind: 'unchanged', code: 'NOT_SNOOZED', message: 'that snooze already ended' },
      `snooze-end:${incident.seq}:${snooze.at.toISOString()}`,
    );
    if (outcome.kind === 'changed') this.deps.onEnded?.(outcome.incident);
  }

  /** Snoozes whose time is up end on the timeline; the stages they held come due at once. */
  async endDue(): Promise<void> {
    const now = this.deps.clock.now();
    for (const incident of await this.deps.store.listOpenIncidents()) {
      if (incident.snooze && !isSnoozed(incident, now)) await this.end(incident, { kind: 'time-up' });
    }
  }
}
