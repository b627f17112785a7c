/** Where a review was delivered: a canvas (channel canvas or shared standalone one) or a Markdown file. */
export interface ReviewPlace {
  kind: 'canvas' | 'file';
  /** The canvas id (F…) or the file id. */
  id: string;
  /** The channel it lives in or was shared to. */
  channel: string;
  /** Where people open it. */
  url?: string;
  /** The thread message that links it (and carries Mark review complete), when one was posted. */
  threadTs?: string;
}

/** An incident's post-incident review: one per incident, created once, regenerated until complete. */
export interface ReviewRecord {
  seq: number;
  status: 'draft' | 'complete';
  /** Who is creating it (a replica), since when: a claim that never delivered may be taken over. */
  claimedBy: string;
  claimedAt: Date;
  place?: ReviewPlace;
  /** When the draft was last written from the incident. */
  generatedAt?: Date;
  completedBy?: string;
  completedAt?: Date;
}

/**
 * Reviews (issue 16, part 3). `claim` is the "once across replicas": two resolves or two clicks at
 * once, in one process or two, make one canvas. Every decision is a condition on the write.
 */
export interface ReviewStore {
  get(seq: number): Promise<ReviewRecord | undefined>;
  /**
   * True for one caller: no review existed, or the one that did was claimed at or before
   * `staleBefore` and never delivered (its replica died while creating it).
   */
  claim(seq: number, owner: string, now: Date, staleBefore: Date): Promise<boolean>;
  /** Records where the review went, as written at `at`. */
  recordDelivered(seq: number, place: ReviewPlace, at: Date): Promise<void>;
  /** Records a regeneration; false (nothing written) once the review is complete. */
  recordGenerated(seq: number, at: Date): Promise<boolean>;
  /** Freezes a delivered draft: true for one caller; false when complete already or not delivered. */
  complete(seq: number, by: string, at: Date): Promise<boolean>;
}
