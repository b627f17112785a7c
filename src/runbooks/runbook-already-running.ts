import { automationExecutionUrlFor, incidentId } from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { ACTION_IDS, BLOCK_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, mrkdwnLink, slackDate, truncate } from '../slack/mrkdwn.ts';
import type { RunAgain, RunningElsewhere } from './runbook-outcome.ts';

/** Slack's limit on a button's value. */
const MAX_VALUE = 2000;

/** What "Run again anyway" sends back: the request to repeat and the run it knowingly doubles. */
export function runAgainValue(again: RunAgain, running: RunningElsewhere): string {
  return JSON.stringify({ ...again, runningExecutionId: running.executionId });
}

/**
 * The answer when the same document already runs on the same target: which execution (linked to
 * its console page), since when and for whom, that nothing was started, and a "Run again anyway"
 * button (with a confirmation) for a deliberate second run. Pure.
 */
export function buildAlreadyRunningMessage(input: {
  seq: number;
  document: string;
  running: RunningElsewhere;
  again: RunAgain;
}): { text: string; blocks: KnownBlock[] } {
  const { running } = input;
  const link = mrkdwnLink(
    automationExecutionUrlFor(running.executionId, running.region),
    running.executionId,
  );
  const who = running.requestedBy ? `, started for <@${running.requestedBy}>` : ', not started by warroom';
  const since = running.startedAt ? ` ${slackDate(running.startedAt)}` : '';
  const text = truncate(
    `${incidentId(input.seq)}: ${input.document} is already running on ${escapeMrkdwn(running.target)} (execution ${link}${who}${since}). Nothing new was started.`,
    3000,
  );
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: BLOCK_IDS.runbookAlreadyRunning, text: { type: 'mrkdwn', text } },
  ];
  const value = runAgainValue(input.again, running);
  if (value.length > MAX_VALUE) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Run it again once this one has finished.' }],
    });
    return { text, blocks };
  }
  blocks.push({
    type: 'actions',
    block_id: BLOCK_IDS.runbookRunAgainActions,
    elements: [
      {
        type: 'button',
        action_id: ACTION_IDS.runbookRunAgain,
        style: 'danger',
        text: { type: 'plain_text', text: 'Run again anyway' },
        value,
        confirm: {
          title: { type: 'plain_text', text: 'Run it a second time?' },
          text: {
            type: 'mrkdwn',
            text: truncate(
              `${input.document} would run twice at once on ${escapeMrkdwn(running.target)}. The second run goes on the timeline.`,
              300,
            ),
          },
          confirm: { type: 'plain_text', text: 'Run again' },
          deny: { type: 'plain_text', text: 'Cancel' },
        },
      },
    ],
  });
  return { text, blocks };
}
