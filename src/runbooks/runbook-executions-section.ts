import { automationExecutionUrlFor } from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { escapeMrkdwn, mrkdwnLink, slackDate } from '../slack/mrkdwn.ts';
import type { RunbookExecution } from './execution.ts';
import { executionStatusText } from './runbook-run-message.ts';

/** Newest first; older ones are counted, not listed, so the section stays readable. */
const SHOWN = 10;
/** A section's text may hold 3,000 characters; the rest is room for the "and N earlier" line. */
const TEXT_BUDGET = 2950;

function executionLine(execution: RunbookExecution, title: string, region: string): string {
  const who = execution.approvedBy
    ? `<@${execution.requestedBy}> (approved by <@${execution.approvedBy}>)`
    : `<@${execution.requestedBy}>`;
  const link = mrkdwnLink(automationExecutionUrlFor(execution.executionId, region), execution.executionId);
  return [
    `• *${escapeMrkdwn(title)}* (\`${escapeMrkdwn(execution.document)}\`)`,
    executionStatusText(execution.status),
    `started by ${who} ${slackDate(execution.startedAt)}`,
    link,
  ].join(' · ');
}

/**
 * `/incident show`'s runbook section: each execution with its runbook's title, document, status,
 * who started it and when, and its Systems Manager console page. Runbooks run in the incident's
 * Region (its resource's, else its own, else warroom's): `region` is that one. Undefined when
 * nothing was run. Pure.
 */
export function buildRunbookExecutionsSection(
  executions: readonly RunbookExecution[],
  titleOf: (execution: RunbookExecution) => string,
  region: string,
): KnownBlock | undefined {
  if (executions.length === 0) return undefined;
  const newest = [...executions].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  let text = `*Runbooks (${executions.length})*`;
  let shown = 0;
  for (const execution of newest.slice(0, SHOWN)) {
    const line = `\n${executionLine(execution, titleOf(execution), region)}`;
    // Whole lines only: a cut through a link would show broken markup.
    if (text.length + line.length > TEXT_BUDGET) break;
    text += line;
    shown += 1;
  }
  if (shown < newest.length) text += `\n…and ${newest.length - shown} earlier`;
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
