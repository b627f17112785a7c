import { findHomeCard, incidentId } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { OutboxItem } from '../store/outbox.ts';
import type { Store } from '../store/store.ts';
import type { IncidentManagerWrite } from './incident-manager-writes.ts';

const WHAT: Record<IncidentManagerWrite['kind'], string> = {
  'start-incident': 'starting the incident',
  'update-record': 'the impact/status change',
  'timeline-event': 'a timeline entry',
  'related-item': 'a related item',
};

/**
 * Tells the incident's card thread, in plain words, when Incident Manager did not take a change
 * (first failure only, then retried quietly) and when it caught up, so Slack and the console never
 * disagree without anyone knowing.
 */
export class IncidentManagerNotices {
  constructor(
    private readonly deps: { store: Store; slack: SlackGateway; alertChannel: string; logger: Logger },
  ) {}

  failed(item: OutboxItem, message: string): Promise<void> {
    const id = incidentId(item.incidentSeq);
    const text = `⚠️ Incident Manager did not take ${WHAT[item.write.kind]} for ${id}: ${message} The change stands in warroom; \`/incident show ${id}\` shows what is still pending.`;
    return this.post(item.incidentSeq, text);
  }

  recovered(item: OutboxItem): Promise<void> {
    return this.post(
      item.incidentSeq,
      `✅ Incident Manager took ${WHAT[item.write.kind]} for ${incidentId(item.incidentSeq)} after all.`,
    );
  }

  private async post(seq: number, text: string): Promise<void> {
    try {
      const { card } = await findHomeCard(this.deps.store, seq, this.deps.alertChannel);
      if (!card?.ts) return;
      await this.deps.slack.postMessage({ channel: card.channel, text, threadTs: card.ts });
    } catch (error) {
      this.deps.logger.warn({ err: error, incidentSeq: seq }, 'could not post an Incident Manager notice');
    }
  }
}
