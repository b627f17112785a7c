import type { Incident, TimelineEntry } from '../../incidents/index.ts';
import type { DynamoTable } from './dynamo-table.ts';
import { readIncidentItem, readTimelineItem, type StoredIncident } from './incident-items.ts';
import {
  cardMessageKey,
  cardsIn,
  channelMarkerKey,
  counterKey,
  dedupeKey,
  incidentKey,
  incidentPk,
  OPEN_INCIDENTS,
  openMarkerKey,
} from './keys.ts';

/** Reads of incidents, their timelines and the markers that find them (docs/store.md). */
export class DynamoDbIncidents {
  constructor(private readonly table: DynamoTable) {}

  async get(seq: number): Promise<StoredIncident | undefined> {
    const item = await this.table.get(incidentKey(seq));
    return item ? readIncidentItem(item) : undefined;
  }

  /** Several incidents in the order asked, read together (consistent), leaving out those not stored. */
  async getMany(seqs: readonly number[]): Promise<Incident[]> {
    const items = await this.table.getMany([...new Set(seqs)].map(incidentKey));
    const bySeq = new Map(items.map((item) => [item.seq as number, readIncidentItem(item).incident]));
    return seqs.flatMap((seq) => {
      const incident = bySeq.get(seq);
      return incident ? [incident] : [];
    });
  }

  /** The last incident number handed out (0 before the first). */
  async lastSeq(): Promise<number> {
    return ((await this.table.get(counterKey))?.n as number | undefined) ?? 0;
  }

  /** The incident open for this problem, through its marker. */
  async findOpen(groupKey: string): Promise<StoredIncident | undefined> {
    const marker = await this.table.get(openMarkerKey(groupKey));
    return marker ? this.get(marker.seq as number) : undefined;
  }

  /** The incident a timeline entry with this dedupe key was written to. */
  async findByDedupeKey(key: string): Promise<StoredIncident | undefined> {
    const marker = await this.table.get(dedupeKey(key));
    return marker ? this.get(marker.seq as number) : undefined;
  }

  async hasDedupeKey(key: string): Promise<boolean> {
    return (await this.table.get(dedupeKey(key))) !== undefined;
  }

  async listOpen(): Promise<Incident[]> {
    const items = await this.table.query({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': OPEN_INCIDENTS },
      ScanIndexForward: false,
    });
    // The index may trail the table for a moment: an incident resolved just now is left out.
    return items
      .map((item) => readIncidentItem(item).incident)
      .filter((incident) => incident.status !== 'resolved');
  }

  async listTimeline(seq: number): Promise<TimelineEntry[]> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :tl)',
      ExpressionAttributeValues: { ':pk': incidentPk(seq), ':tl': 'TL#' },
      ConsistentRead: true,
    });
    return items.map(readTimelineItem);
  }

  async findByChannel(channelId: string): Promise<Incident | undefined> {
    const marker = await this.table.get(channelMarkerKey(channelId));
    return marker ? (await this.get(marker.seq as number))?.incident : undefined;
  }

  async findByCard(channel: string, ts: string): Promise<Incident | undefined> {
    const marker = await this.table.get(cardMessageKey(channel, ts));
    return marker ? (await this.get(marker.seq as number))?.incident : undefined;
  }

  /** Open incidents with a card in this channel, newest first. */
  async listOpenCardedIn(channelId: string): Promise<Incident[]> {
    const cards = await this.table.query({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :list',
      ExpressionAttributeValues: { ':list': cardsIn(channelId) },
      ScanIndexForward: false,
    });
    const seqs = [...new Set(cards.map((card) => card.seq as number))];
    const found = await Promise.all(seqs.map((seq) => this.get(seq)));
    return found
      .flatMap((stored) => (stored && stored.incident.status !== 'resolved' ? [stored.incident] : []))
      .sort((a, b) => b.seq - a.seq);
  }
}
