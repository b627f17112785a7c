import type { PageReason } from '../paging/index.ts';

/** A DM sent to a paged person, kept so it can show what became of the incident. */
export interface PageDmRecord {
  channel: string;
  ts: string;
  seq: number;
  reason: PageReason;
  /** The incident version the DM shows. */
  renderedVersion: number;
  /** Set when the DM paged for a storm member and now shows the storm (`seq`): the member's seq. */
  memberSeq?: number;
}

export interface PageDmStore {
  record(dm: PageDmRecord): Promise<void>;
  /** The incident's DMs showing a version older than `version`. */
  listBehind(seq: number, version: number): Promise<PageDmRecord[]>;
  /** Every DM sent about the incident (or moved to it), whatever version it shows. */
  listFor(seq: number): Promise<PageDmRecord[]>;
  /**
   * A member joined a storm: its DMs now show the storm (redrawn at its next version) and
   * remember the member. Answers how many moved.
   */
  moveToStorm(memberSeq: number, stormSeq: number): Promise<number>;
  /** Only ever moves forward: a slower update never marks an older version over a newer one. */
  markRendered(channel: string, ts: string, version: number): Promise<void>;
}
