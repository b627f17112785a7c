import { describe, expect, it } from 'vitest';
import type { RunbookExecution } from '../../src/runbooks/execution.ts';
import { buildRunbookRunMessage } from '../../src/runbooks/runbook-run-message.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';

const base: RunbookExecution = {
  executionId: '11111111-1111-4111-8111-111111111111',
  incidentSeq: 7,
  runbookId: 'reboot-instance',
  document: 'AWS-RebootRdsInstance',
  clientToken: 't',
  requestedBy: 'U0ALICE',
  parameters: { InstanceId: ['orders-db'] },
  status: 'InProgress',
  steps: [
    { name: 'AssertNotRebooting', action: 'aws:assertAwsResourceProperty', status: 'Success' },
    { name: 'RebootInstance', action: 'aws:executeAwsApi', status: 'InProgress' },
    { name: 'WaitForAvailableState', action: 'aws:waitForAwsResourceProperty', status: 'Pending' },
  ],
  startedAt: new Date(0),
  updatedAt: new Date(0),
  version: 2,
  renderedVersion: 1,
  pollIntervalMs: 5000,
};

const actionIds = (blocks: unknown[]) =>
  JSON.stringify(blocks)
    .match(/"action_id":"[^"]+"/g)
    ?.map((id) => id.slice(13, -1)) ?? [];

describe('the runbook run thread message', () => {
  it('lists every step with its status and offers Stop while it runs', () => {
    const message = buildRunbookRunMessage(base, 'Reboot DB instance');
    expect(message.text).toBe('Runbook Reboot DB instance on INC-7: 🔄 In progress');
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain('1. ✅ Success · *AssertNotRebooting*');
    expect(shown).toContain('2. 🔄 In progress · *RebootInstance*');
    expect(shown).toContain('3. ⏳ Pending · *WaitForAvailableState*');
    expect(shown).toContain('InstanceId=orders-db');
    expect(actionIds(message.blocks)).toEqual([ACTION_IDS.runbookStop]);
  });

  it('ends Failed with the failure message, the steps not run marked so, and no Stop', () => {
    const failed = buildRunbookRunMessage(
      {
        ...base,
        status: 'Failed',
        failureMessage: 'Step fails when it is Executing. <@U0X> & co',
        steps: [base.steps[0]!, { ...base.steps[1]!, status: 'Failed' }, base.steps[2]!],
      },
      'Reboot DB instance',
    );
    const shown = JSON.stringify(failed.blocks);
    expect(shown).toContain('*Failure:* Step fails when it is Executing. &lt;@U0X&gt; &amp; co');
    expect(shown).toContain('3. ➖ Not run · *WaitForAvailableState*');
    expect(actionIds(failed.blocks)).toEqual([]);
  });

  it('names Cancelled and TimedOut in words', () => {
    expect(buildRunbookRunMessage({ ...base, status: 'Cancelled' }, 'R').text).toContain('⏹️ Cancelled');
    expect(buildRunbookRunMessage({ ...base, status: 'TimedOut' }, 'R').text).toContain('⌛ Timed out');
  });
});
