import { incidentId } from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { ACTION_IDS, BLOCK_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, truncate } from '../slack/mrkdwn.ts';
import { isFinalStatus, type RunbookExecution } from './execution.ts';

const STATUS_WORDS: Record<string, string> = {
  Pending: '⏳ Pending',
  InProgress: '🔄 In progress',
  Waiting: '⏸️ Waiting',
  Success: '✅ Success',
  CompletedWithSuccess: '✅ Success',
  Failed: '❌ Failed',
  CompletedWithFailure: '❌ Failed',
  Cancelling: '⏹️ Cancelling',
  Cancelled: '⏹️ Cancelled',
  TimedOut: '⌛ Timed out',
};

export function executionStatusText(status: string): string {
  return STATUS_WORDS[status] ?? `• ${status}`;
}

/** A step SSM has not started is "pending" while the run goes on and "not run" once it ended. */
function stepLine(step: RunbookExecution['steps'][number], index: number, finished: boolean): string {
  const label = step.status === 'Pending' && finished ? '➖ Not run' : executionStatusText(step.status);
  const action = step.action ? ` · \`${escapeMrkdwn(step.action)}\`` : '';
  const failure = step.failureMessage ? `\n      ${escapeMrkdwn(truncate(step.failureMessage, 300))}` : '';
  return `${index + 1}. ${label} · *${escapeMrkdwn(step.name)}*${action}${failure}`;
}

/**
 * The one thread message of a runbook run: what runs on which incident, who asked (and approved),
 * the status, every step with its own status, the failure message, and Stop while it runs. Pure.
 */
export function buildRunbookRunMessage(execution: RunbookExecution, title: string) {
  const finished = isFinalStatus(execution.status);
  const who = `requested by <@${execution.requestedBy}>${execution.approvedBy ? `, approved by <@${execution.approvedBy}>` : ''}`;
  const status = executionStatusText(execution.status);
  const failure = execution.failureMessage
    ? `\n*Failure:* ${escapeMrkdwn(truncate(execution.failureMessage, 1000))}`
    : '';
  // Who stopped it stays on the message once it is cancelled, not only while the stop is pending.
  const stop = !execution.stopRequestedBy
    ? ''
    : !finished
      ? ` · stop requested by <@${execution.stopRequestedBy}>`
      : execution.status === 'Cancelled'
        ? ` · stopped by <@${execution.stopRequestedBy}>`
        : '';
  const parameters = Object.entries(execution.parameters)
    .map(([name, values]) => `${name}=${values.join(',')}`)
    .join(' · ');
  const steps = execution.steps.map((step, index) => stepLine(step, index, finished)).join('\n');
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: BLOCK_IDS.runbookRun,
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*Runbook: ${escapeMrkdwn(title)}* (\`${escapeMrkdwn(execution.document)}\`) on ${incidentId(execution.incidentSeq)} · ${who}\n*Status:* ${status}${stop}${failure}`,
          3000,
        ),
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(steps || '_No steps reported yet._', 3000) } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(
            `Execution \`${execution.executionId}\` · ${escapeMrkdwn(parameters) || 'no parameters'}`,
            3000,
          ),
        },
      ],
    },
  ];
  if (!finished) {
    blocks.push({
      type: 'actions',
      block_id: BLOCK_IDS.runbookRunActions,
      elements: [
        {
          type: 'button',
          action_id: ACTION_IDS.runbookStop,
          style: 'danger',
          text: { type: 'plain_text', text: 'Stop' },
          value: JSON.stringify({ executionId: execution.executionId }),
          confirm: {
            title: { type: 'plain_text', text: 'Stop this runbook?' },
            text: {
              type: 'plain_text',
              text: truncate(`${execution.document} is cancelled where it is now.`, 300),
            },
            confirm: { type: 'plain_text', text: 'Stop' },
            deny: { type: 'plain_text', text: 'Keep running' },
          },
        },
      ],
    });
  }
  return {
    text: truncate(`Runbook ${title} on ${incidentId(execution.incidentSeq)}: ${status}`, 3000),
    blocks,
  };
}
