import type { Clock } from '../clock.ts';
import {
  annotation,
  findHomeCard,
  formatDuration,
  type Impact,
  type Incident,
  incidentId,
  isSnoozed,
} from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import { runForIncident } from '../slack/call-priority.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';

export interface UpdateRemindersDeps {
  store: Pick<Store, 'listOpenIncidents' | 'getCard' | 'getIncident' | 'mutateIncident'>;
  slack: Pick<SlackGateway, 'postMessage'>;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  /** `updates.every`: how often an update is due, by impact; an impact not listed is never reminded. */
  everyMs: Partial<Record<Impact, number>>;
}

/** Where the due periods count from: the latest update, else the latest (re)opening. */
function periodStart(incident: Incident): Date {
  const starts = [incident.openedAt, incident.reopenedAt, incident.lastUpdate?.at].filter(
    (at): at is Date => at !== undefined,
  );
  return new Date(Math.max(...starts.map((at) => at.getTime())));
}

/**
 * Reminds an incident's owner (else whoever acknowledged it) in the card's thread when a status
 * update is due under `updates.every`. The reminder is a timeline entry keyed by the period it is
 * for, so each due period gets one, in one process only (the store refuses the key twice); an
 * update starts the count again. Resolved, snoozed and storm-member incidents are not reminded.
 */
export class UpdateReminders {
  constructor(private readonly deps: UpdateRemindersDeps) {}

  async pass(): Promise<void> {
    const now = this.deps.clock.now();
    for (const incident of await this.deps.store.listOpenIncidents()) {
      if (incident.status === 'resolved' || incident.stormSeq !== undefined) continue;
      if (isSnoozed(incident, now)) continue;
      const every = this.deps.everyMs[incident.impact];
      if (every === undefined) continue;
      const start = periodStart(incident);
      const period = Math.floor((now.getTime() - start.getTime()) / every);
      if (period < 1) continue;
      try {
        await runForIncident(incident, () => this.remind(incident, start, period, every));
      } catch (error) {
        this.deps.logger.warn({ err: error, seq: incident.seq }, 'could not send an update reminder');
      }
    }
  }

  private async remind(incident: Incident, start: Date, period: number, every: number): Promise<void> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const { seq } = incident;
    const { channel, card } = await findHomeCard(store, seq, this.deps.alertChannel);
    if (!card?.ts) return;
    const since = formatDuration(now.getTime() - start.getTime());
    const last = incident.lastUpdate
      ? `last update ${since} ago`
      : `no update in the ${since} since it ${incident.reopenedAt ? 'reopened' : 'opened'}`;
    const outcome = await store.mutateIncident(
      seq,
      now,
      annotation(now, 'warroom', `reminded the owner: a status update is due (${last})`),
      `update-due:${seq}:${start.toISOString()}:${period}`,
    );
    if (outcome.kind !== 'changed') return;
    const who = outcome.incident.owner ?? outcome.incident.acknowledgedBy;
    const id = incidentId(seq);
    await this.deps.slack.postMessage({
      channel,
      threadTs: card.ts,
      text: `:loudspeaker: ${who ? `<@${who}> ` : ''}a status update on ${id} is due (every ${formatDuration(every)} at impact ${incident.impact}; ${last}). Post one with \`/incident update ${id} <text>\` or the card's Post update button.`,
    });
  }
}
