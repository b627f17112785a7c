import { incidentId } from '../incident/incident.ts';
import type { ApprovalOutcome } from '../services/runbook-approvals.ts';
import type { RunbookOutcome } from '../services/runbook-outcome.ts';
import type { StopOutcome } from '../services/stop-execution.ts';
import { slackDate } from './mrkdwn.ts';
import { deniedText } from './triage-replies.ts';

/** The answer to the person who asked to run a runbook, for every outcome. */
export function runbookOutcomeText(outcome: RunbookOutcome): string {
  switch (outcome.kind) {
    case 'started':
      return `${incidentId(outcome.incident.seq)}: ${outcome.execution.document} is running (execution \`${outcome.execution.executionId}\`); its progress is in the card's thread.`;
    case 'duplicate':
      return `${incidentId(outcome.incident.seq)}: that request already started ${outcome.execution.document} (execution \`${outcome.execution.executionId}\`); nothing ran twice.`;
    case 'requested':
      return `${incidentId(outcome.incident.seq)}: this runbook needs a second person. The request is in the card's thread; it expires ${slackDate(outcome.request.expiresAt)}.`;
    case 'denied':
      return deniedText('runbook');
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
      return deniedText('runbook');
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
