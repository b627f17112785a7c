/** What warroom writes into a new OpsItem (docs/lifecycle.md, Follow-ups). */
export interface OpsItemDraft {
  title: string;
  description: string;
  /** OpsCenter's 1–4. */
  severity: '1' | '2' | '3' | '4';
  /** OpsCenter's `/aws/dedup`: a retried create finds the OpsItem the first one made. */
  dedupString: string;
  /** Searchable operational data (keys must not use AWS's reserved prefixes). */
  data: Record<string, string>;
  /** ARNs of related AWS resources (`/aws/resources`), e.g. the Incident Manager record. */
  relatedResourceArns: string[];
}

/** The OpsItem statuses warroom reads as "done". */
export const DONE_OPS_ITEM_STATUSES: ReadonlySet<string> = new Set(['Resolved', 'Closed']);

/** OpsCenter, in warroom's own account and Region. Failures are BotErrors with `AWS.*` codes. */
export interface OpsCenterPort {
  /** The new OpsItem's id; the id of the one a previous attempt with the same dedupString made. */
  createOpsItem(draft: OpsItemDraft): Promise<string>;
  setOpsItemStatus(opsItemId: string, status: 'Open' | 'Resolved'): Promise<void>;
  /** The OpsItem's status as OpsCenter has it now. */
  readOpsItemStatus(opsItemId: string): Promise<string>;
}
