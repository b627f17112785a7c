import { AsyncLocalStorage } from 'node:async_hooks';

/** The incident a stretch of work is for: its Slack calls wait in line by its impact. */
export interface CallPriority {
  seq: number;
  /** 1 is the worst (Incident Manager's scale): it goes first. */
  impact: number;
}

const current = new AsyncLocalStorage<CallPriority>();

/**
 * Runs `work` on behalf of one incident: every Slack call it makes (however deep) waits for
 * Slack's limits behind the calls of more severe incidents, and keeps its order with the other
 * calls for that incident in the same channel. Set where an incident's card, page or thread is
 * sent; an inner call for another incident takes over for its own work.
 */
export function runForIncident<T>(incident: { seq: number; impact: number }, work: () => T): T {
  return current.run({ seq: incident.seq, impact: incident.impact }, work);
}

/** The incident the running work is for, if any. */
export function readCallPriority(): CallPriority | undefined {
  return current.getStore();
}

/**
 * A call for no incident is someone at the keyboard (a command's reply, a modal): it ranks with
 * the most severe incidents, first come first served among them.
 */
export const UNTIED_CALL_RANK = 1;
