import type { RDSClient } from '@aws-sdk/client-rds';
import { BotError } from '../errors.ts';
import { toAwsBotError } from './aws-error.ts';

/** Enough pages for any real account; a bound so a Marker that never ends cannot loop forever. */
const MAX_PAGES = 20;

/** RDS refusals worth their own words; everything else goes through toAwsBotError. */
const REFUSALS: Record<string, { code: string; message: string }> = {
  DBSnapshotAlreadyExistsFault: { code: 'RDS.SNAPSHOT_EXISTS', message: 'A snapshot with that name exists.' },
  DBClusterSnapshotAlreadyExistsFault: {
    code: 'RDS.SNAPSHOT_EXISTS',
    message: 'A cluster snapshot with that name exists.',
  },
  InvalidDBInstanceStateFault: {
    code: 'RDS.NOT_AVAILABLE',
    message: 'RDS takes a snapshot only of an available DB instance, and this one is not available now.',
  },
  InvalidDBClusterStateFault: {
    code: 'RDS.NOT_AVAILABLE',
    message: 'RDS takes a snapshot only of an available DB cluster, and this one is not available now.',
  },
  SnapshotQuotaExceededFault: {
    code: 'RDS.SNAPSHOT_QUOTA',
    message: 'The account has reached its RDS snapshot quota; delete old manual snapshots first.',
  },
};

/** One RDS call; an SDK error becomes a BotError (`RDS.*` for the refusals above, else `AWS.*`). */
export async function callRds<T>(
  client: RDSClient,
  operation: string,
  send: (client: RDSClient) => Promise<T>,
): Promise<T> {
  try {
    return await send(client);
  } catch (error) {
    const refusal = error instanceof Error ? REFUSALS[error.name] : undefined;
    if (refusal)
      throw new BotError(refusal.code, refusal.message, { cause: error, detail: `RDS ${operation}` });
    throw toAwsBotError(error, 'RDS', operation);
  }
}

/** A Describe call followed through Marker until RDS stops sending one (or MAX_PAGES). */
export async function callRdsPages<T>(
  client: RDSClient,
  operation: string,
  fetch: (client: RDSClient, marker: string | undefined) => Promise<{ items: T[]; marker?: string }>,
): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await callRds(client, operation, (c) => fetch(c, marker));
    all.push(...out.items);
    if (!out.marker || out.marker === marker) break;
    marker = out.marker;
  }
  return all;
}
