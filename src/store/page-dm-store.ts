import type { PageReason } from '../paging/index.ts';

/** A DM sent to a paged person, kept so it can show what became of the incident. */
export interface PageDmRecord {
  channel: string;
  ts: string;
  seq: number;
  reason: PageReason;
  /** The incident version the DM shows. */
  renderedVersion: number;
}

export interface PageDmStore {
  record(dm: PageDmRecord): Promise<void>;
  /** The incident's DMs showing a version older than `version`. */
  listBehind(seq: number, version: number): Promise<PageDmRecord[]>;
  /** Only ever moves forward: a slower update never marks an older version over a newer one. */
  markRendered(channel: string, ts: string, version: number): Promise<void>;
}
