import type { Clock } from '../clock.ts';
import { annotation, findHomeCard, incidentId, isSnoozed } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import { runForIncident } from '../slack/call-priority.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';

export interface RemindersDeps {
  store: Pick<Store, 'listOpenIncidents' | 'listTimeline' | 'getCard' | 'getIncident' | 'mutateIncident'>;
  slack: Pick<SlackGateway, 'postMessage'>;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  /** Quiet this long (clock time) after its newest timeline entry, an acknowledged incident is reminded. */
  afterMs: number;
}

/**
 * Reminds responders of an acknowledged incident that has gone quiet to post an update. The reminder
 * is itself a timeline entry, keyed by the entry it follows: so there is one per quiet period, in
 * one process only (the store refuses the key twice), and the next comes after another quiet period.
 */
export class Reminders {
  constructor(private readonly deps: RemindersDeps) {}

  async pass(): Promise<void> {
    for (const incident of await this.deps.store.listOpenIncidents()) {
      // A storm's members are reminded through their storm, once for all of them.
      if (incident.status !== 'acknowledged' || incident.stormSeq !== undefined) continue;
      // Snoozed: no reminder until the snooze ends (its end, on the timeline, starts a quiet period).
      if (isSnoozed(incident, this.deps.clock.now())) continue;
      try {
        await runForIncident(incident, () => this.remind(incident.seq));
      } catch (error) {
        this.deps.logger.warn({ err: error, seq: incident.seq }, 'could not send a reminder');
      }
    }
  }

  private async remind(seq: number): Promise<void> {
    const { store, clock, afterMs } = this.deps;
    const newest = (await store.listTimeline(seq)).reduce<Date | undefined>(
      (latest, entry) => (!latest || entry.at > latest ? entry.at : latest),
      undefined,
    );
    const now = clock.now();
    if (!newest || now.getTime() - newest.getTime() < afterMs) return;
    const { channel, card } = await findHomeCard(store, seq, this.deps.alertChannel);
    if (!card?.ts) return;
    const minutes = Math.round((now.getTime() - newest.getTime()) / 60_000);
    const outcome = await store.mutateIncident(
      seq,
      now,
      annotation(now, 'warroom', `reminded responders: no update for ${minutes} min`),
      `reminder:${seq}:${newest.toISOString()}`,
    );
    if (outcome.kind !== 'changed') return;
    const who = outcome.incident.owner ?? outcome.incident.acknowledgedBy;
    await this.deps.slack.postMessage({
      channel,
      threadTs: card.ts,
      text: `:hourglass: ${who ? `<@${who}> ` : ''}${incidentId(seq)} has had no update for ${minutes} min. Post one with \`/incident note ${incidentId(seq)} <update>\` (or resolve it).`,
    });
  }
}
