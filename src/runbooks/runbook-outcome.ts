import type { Incident } from '../incidents/index.ts';
import type { Denial } from '../permissions/index.ts';
import type { RunbookExecution } from './execution.ts';
import type { RunbookRequest } from './request.ts';
import type { RunbookDefinition } from './runbook.ts';

/** An execution of the same document on the same target that has not finished. */
export interface RunningElsewhere {
  executionId: string;
  startedAt?: Date;
  /** Who asked warroom for it; absent when warroom did not start it (the console, another tool). */
  requestedBy?: string;
  /** What it acts on, in words (`InstanceId orders-db`). */
  target: string;
  /** The Region it runs in (for its console link). */
  region: string;
}

/** What "Run again anyway" must send to start a deliberate second run of the same request. */
export interface RunAgain {
  seq: number;
  runbookId: string;
  overrides: Record<string, string>;
  requestKey: string;
}

/** Every way asking to run a runbook can end, whichever door it came in by. */
export type RunbookOutcome =
  | { kind: 'started'; incident: Incident; execution: RunbookExecution }
  /** The same request again (double click, retry): the execution it started before. */
  | { kind: 'duplicate'; incident: Incident; execution: RunbookExecution }
  /** A two-person runbook: waiting for a second person. */
  | { kind: 'requested'; incident: Incident; request: RunbookRequest }
  /**
   * The same document is running on the same target: nothing was started. A second run at once
   * needs "Run again anyway" (`again`).
   */
  | {
      kind: 'already-running';
      incident: Incident;
      runbook: RunbookDefinition;
      running: RunningElsewhere;
      again: RunAgain;
    }
  /**
   * Systems Manager's answer to the start was lost and warroom could not yet find out whether it
   * started: it may be running. warroom keeps finding out (with the same ClientToken, so it cannot
   * start twice) and shows it in the card's thread; nothing must be started meanwhile.
   */
  | { kind: 'unconfirmed'; incident: Incident; runbook: RunbookDefinition; target: string }
  | ({ kind: 'denied' } & Denial)
  | { kind: 'not-found' }
  | { kind: 'unknown-runbook'; incident: Incident; runbookId: string; fitting: string[] }
  /** Could not be prepared or was refused, with every reason in plain words. */
  | { kind: 'invalid'; incident: Incident; problems: string[] };
