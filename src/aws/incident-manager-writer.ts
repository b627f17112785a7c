import type { IncidentManagerWrite } from '../incident-manager/index.ts';

/**
 * The write side of Incident Manager. Every call carries a client token derived from the queued
 * write, so a retry after a lost answer changes nothing twice. Throws BotError `AWS.*`.
 */
export interface IncidentManagerWriter {
  startIncident(
    write: Extract<IncidentManagerWrite, { kind: 'start-incident' }>,
    clientToken: string,
  ): Promise<string>;
  updateIncidentRecord(
    write: Extract<IncidentManagerWrite, { kind: 'update-record' }>,
    clientToken: string,
  ): Promise<void>;
  createTimelineEvent(
    write: Extract<IncidentManagerWrite, { kind: 'timeline-event' }>,
    clientToken: string,
  ): Promise<void>;
  addRelatedItem(
    write: Extract<IncidentManagerWrite, { kind: 'related-item' }>,
    clientToken: string,
  ): Promise<void>;
}
