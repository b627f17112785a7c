import type { IncidentManagerWrite } from '../incident-manager/index.ts';

/** A queued write to Incident Manager and how it is going. */
export interface OutboxItem {
  id: number;
  incidentSeq: number;
  write: IncidentManagerWrite;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
}
