/** A two-person runbook waiting for (or decided by) a second person. */
export interface RunbookRequest {
  /** A UUID; also the request key of the execution it starts, so approving twice starts once. */
  id: string;
  incidentSeq: number;
  runbookId: string;
  requestedBy: string;
  /** The editable values the requester chose (names from the catalog entry's `editable`). */
  overrides: Record<string, string>;
  /** What would be sent, as prepared when asked (shown to the approver; prepared again on approval). */
  parameters: Record<string, string[]>;
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  decidedBy?: string;
  decidedAt?: Date;
  createdAt: Date;
  expiresAt: Date;
  executionId?: string;
  version: number;
  renderedVersion: number;
  threadChannel?: string;
  threadTs?: string;
}
