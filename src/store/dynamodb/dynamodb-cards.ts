import type { Incident } from '../../incidents/index.ts';
import type { CardRecord } from '../store.ts';
import { cardItem } from './card-items.ts';
import type { DynamoTable, Item } from './dynamo-table.ts';
import { readIncidentItem } from './incident-items.ts';
import { CARD_SYNC, cardKey, incidentKey, incidentPk, pad } from './keys.ts';
import { cardMessageItem } from './marker-items.ts';

function toCard(item: Item): CardRecord {
  return {
    incidentSeq: item.seq as number,
    channel: item.channel as string,
    ts: item.ts as string | undefined,
    postStartedAt: new Date(item.postStartedAt as string),
    renderedVersion: item.renderedVersion as number,
  };
}

/** The same rule as SQLite's card-sync query: no card yet, a card unconfirmed or behind, or none in its own channel. */
export function needsCardSync(incident: Incident, cards: readonly CardRecord[]): boolean {
  // A storm member is shown on its storm's card; it has none of its own unless it had one before.
  if (cards.length === 0 && incident.stormSeq === undefined) return true;
  if (cards.some((card) => card.ts === undefined || card.renderedVersion < incident.version)) return true;
  return incident.channelId !== undefined && !cards.some((card) => card.channel === incident.channelId);
}

/**
 * Cards (docs/store.md, Cards). Every incident write puts the incident in the CARDSYNC list; card
 * writes and the listing settle it (settle below), so the list holds what is behind.
 */
export class DynamoDbCards {
  constructor(private readonly table: DynamoTable) {}

  async get(seq: number, channel: string): Promise<CardRecord | undefined> {
    const item = await this.table.get(cardKey(seq, channel));
    return item ? toCard(item) : undefined;
  }

  async list(seq: number): Promise<CardRecord[]> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :card)',
      ExpressionAttributeValues: { ':pk': incidentPk(seq), ':card': 'CARD#' },
      ConsistentRead: true,
    });
    return items.map(toCard).sort((a, b) => a.postStartedAt.getTime() - b.postStartedAt.getTime());
  }

  async begin(seq: number, channel: string, at: Date): Promise<CardRecord> {
    const created = await this.table.put(
      cardItem({ incidentSeq: seq, channel, postStartedAt: at, renderedVersion: 0 }),
      { ConditionExpression: 'attribute_not_exists(pk)' },
    );
    if (created) await this.settle(seq);
    return (await this.get(seq, channel)) as CardRecord;
  }

  async recordPosted(seq: number, channel: string, ts: string, version: number): Promise<void> {
    const result = await this.table.transact([
      {
        Update: {
          Key: cardKey(seq, channel),
          UpdateExpression: 'SET ts = :ts, renderedVersion = :version',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':ts': ts, ':version': version },
        },
      },
      { Put: { Item: cardMessageItem(channel, ts, seq) } },
    ]);
    // SQLite's UPDATE of a card never begun changes nothing; so does this.
    if (!result.ok) return;
    await this.settle(seq);
  }

  async recordRendered(seq: number, channel: string, version: number): Promise<void> {
    // A failed condition is the "never backwards" rule (or no such card), not an error.
    const moved = await this.table.update({
      Key: cardKey(seq, channel),
      UpdateExpression: 'SET renderedVersion = :version',
      ConditionExpression: 'attribute_exists(pk) AND renderedVersion < :version',
      ExpressionAttributeValues: { ':version': version },
    });
    if (moved) await this.settle(seq);
  }

  async listNeedingSync(): Promise<number[]> {
    const listed = await this.table.query({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :list',
      ExpressionAttributeValues: { ':list': CARD_SYNC },
    });
    const behind = await Promise.all(
      listed.map(async (item) =>
        (await this.settle(item.seq as number)) ? (item.seq as number) : undefined,
      ),
    );
    return behind.filter((seq): seq is number => seq !== undefined).sort((a, b) => a - b);
  }

  /**
   * Puts the incident in the card-sync list when a card of it is behind, and takes it out when all
   * are current, on condition the incident was not written since it was read (a write puts it back
   * in itself). Answers whether it is behind.
   */
  private async settle(seq: number): Promise<boolean> {
    const item = await this.table.get(incidentKey(seq));
    if (!item) return false;
    const { incident, rev } = readIncidentItem(item);
    const behind = needsCardSync(incident, await this.list(seq));
    const listed = item.gsi2pk === CARD_SYNC;
    if (behind !== listed) {
      await this.table.update({
        Key: incidentKey(seq),
        UpdateExpression: behind ? 'SET gsi2pk = :list, gsi2sk = :seq' : 'REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'rev = :rev',
        ExpressionAttributeValues: behind
          ? { ':rev': rev, ':list': CARD_SYNC, ':seq': pad(seq) }
          : { ':rev': rev },
      });
    }
    return behind;
  }
}
