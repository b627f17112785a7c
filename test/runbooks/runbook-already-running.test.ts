import { describe, expect, it } from 'vitest';
import { buildAlreadyRunningMessage } from '../../src/runbooks/runbook-already-running.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';

const running = {
  executionId: '4c1b0f5e-1d2a-4e3b-9c8d-7a6b5c4d3e2f',
  startedAt: new Date('2026-11-22T09:00:00Z'),
  requestedBy: 'U0ALICE',
  target: 'InstanceId orders-db',
  region: 'eu-west-1',
};
const again = { seq: 3, runbookId: 'reboot-instance', overrides: {}, requestKey: 'view:V1' };

describe('buildAlreadyRunningMessage', () => {
  it('names the running execution with its console link, who asked, and offers a confirmed second run', () => {
    const message = buildAlreadyRunningMessage({ seq: 3, document: 'AWS-RebootRdsInstance', running, again });
    expect(message.text).toContain('INC-3: AWS-RebootRdsInstance is already running on InstanceId orders-db');
    expect(message.text).toContain(
      `<https://eu-west-1.console.aws.amazon.com/systems-manager/automation/execution/${running.executionId}?region=eu-west-1|${running.executionId}>`,
    );
    expect(message.text).toContain('started for <@U0ALICE>');
    const actions = message.blocks.find((block) => block.type === 'actions');
    expect(actions).toMatchObject({
      elements: [
        {
          action_id: ACTION_IDS.runbookRunAgain,
          confirm: { confirm: { text: 'Run again' } },
        },
      ],
    });
    const value = JSON.parse((actions as { elements: Array<{ value: string }> }).elements[0]!.value);
    expect(value).toEqual({ ...again, runningExecutionId: running.executionId });
  });

  it('says who did not start it, and drops the button when the values do not fit in one', () => {
    const big = { ...again, overrides: { DBSnapshotIdentifier: 'x'.repeat(512), Other: 'y'.repeat(1600) } };
    const message = buildAlreadyRunningMessage({
      seq: 3,
      document: 'AWS-CreateRdsSnapshot',
      running: { ...running, requestedBy: undefined },
      again: big,
    });
    expect(message.text).toContain('not started by warroom');
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(JSON.stringify(message.blocks)).toContain('once this one has finished');
  });
});
