import type { PageReason } from '../../paging/index.ts';
import type { PageDmRecord, PageDmStore } from '../page-dm-store.ts';
import { type DynamoTable, type Item, MAX_TRANSACT_ITEMS, type TransactItem } from './dynamo-table.ts';
import { pageDmKey, pageDmsOf } from './keys.ts';
import { pageDmItem } from './page-dm-items.ts';
import { CONFLICT, retryOnConflict } from './retry-on-conflict.ts';

function readPageDm(item: Item): PageDmRecord {
  return {
    channel: item.channel as string,
    ts: item.ts as string,
    seq: item.seq as number,
    reason: JSON.parse(item.reason as string) as PageReason,
    renderedVersion: item.renderedVersion as number,
    ...(typeof item.memberSeq === 'number' ? { memberSeq: item.memberSeq } : {}),
  };
}

/**
 * Page DMs (docs/store.md, Page DMs): `DM#<channel>#<ts>`, listed per incident through gsi2. The
 * index may trail the table (a DM moved to a storm a moment ago), so a listed DM is read again and
 * kept only if it still belongs to the incident asked about.
 */
export class DynamoDbPageDms implements PageDmStore {
  constructor(private readonly table: DynamoTable) {}

  async record(dm: PageDmRecord): Promise<void> {
    // A DM recorded before keeps what it had (SQLite's ON CONFLICT DO NOTHING).
    await this.table.put(pageDmItem(dm), { ConditionExpression: 'attribute_not_exists(pk)' });
  }

  async listBehind(seq: number, version: number): Promise<PageDmRecord[]> {
    return (await this.listFor(seq)).filter((dm) => dm.renderedVersion < version);
  }

  async listFor(seq: number): Promise<PageDmRecord[]> {
    const listed = await this.table.query({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :list',
      ExpressionAttributeValues: { ':list': pageDmsOf(seq) },
    });
    const current = await Promise.all(
      listed.map((item) => this.table.get(pageDmKey(item.channel as string, item.ts as string))),
    );
    return current.flatMap((item) => (item && item.seq === seq ? [readPageDm(item)] : []));
  }

  async moveToStorm(memberSeq: number, stormSeq: number): Promise<number> {
    let moved = 0;
    await retryOnConflict(`move the page DMs of ${memberSeq} to ${stormSeq}`, async () => {
      const dms = await this.listFor(memberSeq);
      for (let start = 0; start < dms.length; start += MAX_TRANSACT_ITEMS) {
        const batch = dms.slice(start, start + MAX_TRANSACT_ITEMS);
        const result = await this.table.transact(batch.map((dm) => moveAction(dm, memberSeq, stormSeq)));
        // Another writer moved one of them meanwhile: read again; those moved are no longer listed.
        if (!result.ok) return CONFLICT;
        moved += batch.length;
      }
      return moved;
    });
    return moved;
  }

  async markRendered(channel: string, ts: string, version: number): Promise<void> {
    // A failed condition is the "only forward" rule (or no such DM), not an error.
    await this.table.update({
      Key: pageDmKey(channel, ts),
      UpdateExpression: 'SET renderedVersion = :version',
      ConditionExpression: 'attribute_exists(pk) AND renderedVersion < :version',
      ExpressionAttributeValues: { ':version': version },
    });
  }
}

/** The DM now shows the storm, to be redrawn at its next version, and remembers the member. */
function moveAction(dm: PageDmRecord, memberSeq: number, stormSeq: number): TransactItem {
  return {
    Update: {
      Key: pageDmKey(dm.channel, dm.ts),
      UpdateExpression:
        'SET #seq = :storm, memberSeq = :member, renderedVersion = :zero, gsi2pk = :list, gsi2sk = #ts',
      ConditionExpression: '#seq = :member',
      ExpressionAttributeNames: { '#seq': 'seq', '#ts': 'ts' },
      ExpressionAttributeValues: {
        ':storm': stormSeq,
        ':member': memberSeq,
        ':zero': 0,
        ':list': pageDmsOf(stormSeq),
      },
    },
  };
}
