import { incidentId } from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { ACTION_IDS, BLOCK_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, slackDate, truncate } from '../slack/mrkdwn.ts';
import type { RunbookRequest } from './request.ts';

/** Who a pending two-person request asks to approve. */
export interface RunbookApprovers {
  /** `permissions.runbook`: who may approve (people, user groups, `team:<name>` or `*`). */
  holders: readonly string[];
  /** `automation.approvers`: whom to ask instead of the holders, when set. */
  asked: readonly string[];
}

const NOBODY: RunbookApprovers = { holders: [], asked: [] };

/**
 * Whom the request asks, as mentions, the requester left out: the configured approvers when set,
 * else the `permissions.runbook` holders (people and user groups); empty when those are everyone
 * (`*`) or nobody else is named.
 */
export function approverMentions(request: RunbookRequest, approvers: RunbookApprovers): string[] {
  const named =
    approvers.asked.length > 0 ? approvers.asked : approvers.holders.includes('*') ? [] : approvers.holders;
  return named
    .filter((id) => id !== request.requestedBy)
    .map((id) =>
      // A team is a user group found by handle; its id is not at hand here, so it is named.
      id.startsWith('team:')
        ? `the ${id.slice('team:'.length)} team`
        : id.startsWith('S')
          ? `<!subteam^${id}>`
          : `<@${id}>`,
    );
}

function decisionText(request: RunbookRequest, approvers: RunbookApprovers): string {
  const when = request.decidedAt ? ` ${slackDate(request.decidedAt)}` : '';
  switch (request.status) {
    case 'pending': {
      const who = approverMentions(request, approvers).join(', ');
      // A configured group is asked; whether each of its people may approve is still the permission's.
      const asked = !who ? '' : approvers.asked.length > 0 ? `: asking ${who}` : `: ${who} can approve`;
      return `Waiting for a second person with the \`runbook\` permission${asked}. Expires ${slackDate(request.expiresAt)}.`;
    }
    case 'approved': {
      const started = request.executionId ? ` · execution \`${request.executionId}\` (progress below)` : '';
      return `✅ Approved by <@${request.decidedBy ?? '?'}>${when}${started}`;
    }
    case 'rejected':
      return request.decidedBy === request.requestedBy
        ? `🚫 Withdrawn by <@${request.requestedBy}>${when}`
        : `🚫 Rejected by <@${request.decidedBy ?? '?'}>${when}`;
    case 'expired':
      return `⌛ Expired${when} without a second person's approval; nothing ran.`;
  }
}

/**
 * The thread message asking a second person to approve a two-person runbook: what would run with
 * which parameters, Approve and Reject while pending, then who decided (and the execution). Pure.
 */
export function buildRunbookApprovalMessage(
  request: RunbookRequest,
  runbook: { title: string; document: string },
  /** Whom a pending request asks, by mention. */
  approvers: RunbookApprovers = NOBODY,
) {
  const parameters = Object.entries(request.parameters)
    .map(([name, values]) => `• \`${escapeMrkdwn(name)}\` = ${escapeMrkdwn(values.join(', '))}`)
    .join('\n');
  const value = JSON.stringify({ requestId: request.id });
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: BLOCK_IDS.runbookApproval,
      text: {
        type: 'mrkdwn',
        text: truncate(
          `🔐 <@${request.requestedBy}> asks to run *${escapeMrkdwn(runbook.title)}* (\`${escapeMrkdwn(runbook.document)}\`) on ${incidentId(request.incidentSeq)}.\n${parameters || '_No parameters._'}`,
          3000,
        ),
      },
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(decisionText(request, approvers), 3000) }],
    },
  ];
  if (request.status === 'pending') {
    blocks.push({
      type: 'actions',
      block_id: BLOCK_IDS.runbookApprovalActions,
      elements: [
        {
          type: 'button',
          action_id: ACTION_IDS.runbookApprove,
          style: 'primary',
          text: { type: 'plain_text', text: 'Approve and run' },
          value,
        },
        {
          type: 'button',
          action_id: ACTION_IDS.runbookReject,
          text: { type: 'plain_text', text: 'Reject' },
          value,
        },
      ],
    });
  }
  return {
    // The mentions are in the text too, so the people who can approve are notified.
    text: truncate(
      `Approval needed: ${runbook.title} on ${incidentId(request.incidentSeq)} (${request.status})${
        request.status === 'pending' && approverMentions(request, approvers).length > 0
          ? ` · ${approverMentions(request, approvers).join(', ')}`
          : ''
      }`,
      3000,
    ),
    blocks,
  };
}
