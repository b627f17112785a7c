/** Open until someone marks it done (in Slack, or in OpsCenter: read back by the sync). */
export type FollowUpStatus = 'open' | 'done';

/** A piece of work an incident left behind, tracked to done (docs/lifecycle.md, Follow-ups). */
export interface FollowUp {
  /** `fu-` + 10 hex digits, random: unique across replicas without a counter to contend on. */
  id: string;
  seq: number;
  title: string;
  /** Slack user id of whoever owns it. */
  owner?: string;
  /** A calendar day, `YYYY-MM-DD`. */
  due?: string;
  status: FollowUpStatus;
  /** The OpsCenter OpsItem that tracks it, when `followups.opsCenter` is on and CreateOpsItem worked. */
  opsItemId?: string;
  createdBy: string;
  createdAt: Date;
  /** When its status last changed here (made, Done/Reopen, or read back from OpsCenter). */
  statusAt: Date;
  doneBy?: string;
  doneAt?: Date;
  /** When its OpsItem was last read back (GetOpsItem) or written. */
  lastSyncedAt?: Date;
}

export interface FollowUpStore {
  /**
   * Saves a new follow-up once per `dedupeKey` (a Slack request id): the same request seen again,
   * by this replica or another, answers the record created first with `created: false`.
   */
  create(followUp: FollowUp, dedupeKey: string): Promise<{ followUp: FollowUp; created: boolean }>;
  get(id: string): Promise<FollowUp | undefined>;
  /** An incident's follow-ups, oldest first. */
  listFor(seq: number): Promise<FollowUp[]>;
  /** Every open follow-up, oldest first (App Home, `followups open|mine`, the OpsCenter sync). */
  listOpen(): Promise<FollowUp[]>;
  /** Records the OpsItem created for it (only if it has none yet: the first one created wins). */
  linkOpsItem(id: string, opsItemId: string, at: Date): Promise<FollowUp | undefined>;
  /**
   * Marks it done (by whom, when) or open again (clearing both); `statusAt` becomes `at` and
   * `lastSyncedAt` is cleared: the change is not in OpsCenter until markSynced says so. Answers the record as it now
   * stands, or undefined when there is no such follow-up.
   */
  setStatus(
    id: string,
    status: FollowUpStatus,
    by: string | undefined,
    at: Date,
  ): Promise<FollowUp | undefined>;
  /** Notes that its OpsItem was read back at `at`. */
  markSynced(id: string, at: Date): Promise<void>;
}
