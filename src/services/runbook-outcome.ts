import type { Incident } from '../incident/incident.ts';
import type { RunbookExecution } from '../runbooks/execution.ts';
import type { RunbookRequest } from '../runbooks/request.ts';

/** Every way asking to run a runbook can end, whichever door it came in by. */
export type RunbookOutcome =
  | { kind: 'started'; incident: Incident; execution: RunbookExecution }
  /** The same request again (double click, retry): the execution it started before. */
  | { kind: 'duplicate'; incident: Incident; execution: RunbookExecution }
  /** A two-person runbook: waiting for a second person. */
  | { kind: 'requested'; incident: Incident; request: RunbookRequest }
  | { kind: 'denied' }
  | { kind: 'not-found' }
  | { kind: 'unknown-runbook'; incident: Incident; runbookId: string; fitting: string[] }
  /** Could not be prepared or was refused, with every reason in plain words. */
  | { kind: 'invalid'; incident: Incident; problems: string[] };
