import { deniedText, incidentId } from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { escapeMrkdwn, slackDate } from '../slack/mrkdwn.ts';
import { buildAlreadyRunningMessage } from './runbook-already-running.ts';
import type { ApprovalOutcome } from './runbook-approvals.ts';
import type { RunbookOutcome } from './runbook-outcome.ts';
import type { StopOutcome } from './stop-execution.ts';

/**
 * The answer to the person who asked to run a runbook: the text alone, or with blocks when there is
 * something to click ("Run again anyway" beside a run of the same document on the same target).
 */
export function runbookOutcomeMessage(
  outcome: RunbookOutcome,
): string | { text: string; blocks: KnownBlock[] } {
  if (outcome.kind !== 'already-running') return runbookOutcomeText(outcome);
  return buildAlreadyRunningMessage({
    seq: outcome.incident.seq,
    document: outcome.runbook.document,
    running: outcome.running,
    again: outcome.again,
  });
}

/** The answer to the person who asked to run a runbook, for every outcome, in words alone. */
export function runbookOutcomeText(outcome: RunbookOutcome): string {
  switch (outcome.kind) {
    case 'started':
      return `${incidentId(outcome.incident.seq)}: ${outcome.execution.document} is running (execution \`${outcome.execution.executionId}\`); its progress is in the card's thread.`;
    case 'duplicate':
      return `${incidentId(outcome.incident.seq)}: that request already started ${outcome.execution.document} (execution \`${outcome.execution.executionId}\`); nothing ran twice.`;
    case 'already-running':
      return buildAlreadyRunningMessage({
        seq: outcome.incident.seq,
        document: outcome.runbook.document,
        running: outcome.running,
        again: outcome.again,
      }).text;
    case 'unconfirmed':
      // Never "try again": the start may have happened, and a new request would be a second run.
      return `${incidentId(outcome.incident.seq)}: Systems Manager did not confirm whether ${outcome.runbook.document} started on ${escapeMrkdwn(outcome.target)}: its answer was lost, so it may be running. Do not start it again: warroom is finding out with the same request (which cannot start a second run) and will show the run in the card's thread.`;
    case 'requested':
      return `${incidentId(outcome.incident.seq)}: this runbook needs a second person. The request is in the card's thread; it expires ${slackDate(outcome.request.expiresAt)}.`;
    case 'denied':
      return deniedText(outcome);
    case 'not-found':
      return 'That incident does not exist.';
    case 'unknown-runbook': {
      const id = incidentId(outcome.incident.seq);
      if (outcome.fitting.length === 0) return `No runbook in warroom's catalog fits ${id}.`;
      return `\`${outcome.runbookId}\` is not a runbook for ${id}. Runbooks that fit: ${outcome.fitting.map((r) => `\`${r}\``).join(', ')}.`;
    }
    case 'invalid':
      return `${incidentId(outcome.incident.seq)}: the runbook cannot run.\n${outcome.problems.map((p) => `• ${p}`).join('\n')}`;
  }
}

export function stopOutcomeText(outcome: StopOutcome): string | undefined {
  switch (outcome.kind) {
    case 'stopping':
      return undefined; // the thread message shows it
    case 'finished':
      return 'That runbook already finished; there is nothing to stop.';
    case 'denied':
      return deniedText(outcome);
    case 'not-found':
      return 'warroom does not know that runbook execution.';
  }
}

/** The answer to Approve or Reject; undefined when the thread message says it all. */
export function approvalOutcomeText(outcome: ApprovalOutcome): string | undefined {
  switch (outcome.kind) {
    case 'approved':
      return outcome.outcome.kind === 'started' || outcome.outcome.kind === 'duplicate'
        ? undefined
        : runbookOutcomeText(outcome.outcome);
    case 'rejected':
      return undefined;
    case 'already':
      return `That request is already ${outcome.request.status}${outcome.request.decidedBy ? ` (by <@${outcome.request.decidedBy}>)` : ''}; nothing changed.`;
    case 'own-request':
      return 'You asked for this run, so someone else with the `runbook` permission must approve it.';
    case 'refused':
      return runbookOutcomeText(outcome.outcome);
    case 'not-found':
      return 'warroom does not know that request.';
  }
}
