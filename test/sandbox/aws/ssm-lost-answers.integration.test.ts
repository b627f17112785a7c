import {
  DescribeAutomationExecutionsCommand,
  InvalidFilterKey,
  InvalidFilterValue,
  SSMClient,
  StartAutomationExecutionCommand,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

const REBOOT = 'AWS-RebootRdsInstance';
const TOKEN = '7d3c2a44-6a4f-4d3e-9f43-5c1d7e8a9b10';

describe('an SSM call carried out whose answer is lost (emulator fault injection)', () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  let emulator: AwsEmulator;
  let client: SSMClient;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    emulator.state.rds.addInstance({ id: 'orders-1' });
    emulator.state.rds.addInstance({ id: 'billing-1' });
    emulator.state.rds.addInstance({ id: 'ledger-1' });
    client = new SSMClient(sdkConfig(emulator));
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  const start = (instance: string, ClientToken?: string) =>
    client.send(
      new StartAutomationExecutionCommand({
        DocumentName: REBOOT,
        Parameters: { InstanceId: [instance] },
        ClientToken,
      }),
    );

  it('starts the execution, then drops the connection: the SDK sees a reset, SSM has the execution', async () => {
    const before = emulator.state.ssm.executions.size;
    emulator.loseAnswer('ssm', 'StartAutomationExecution', 'reset');
    const error = await rejectionOf(start('orders-1', TOKEN));
    expect(error.$metadata).not.toHaveProperty('httpStatusCode');
    expect(emulator.state.ssm.executions.size).toBe(before + 1);
    expect(emulator.requestsTo('ssm', 'StartAutomationExecution').at(-1)).toMatchObject({ fault: 'reset' });
    // The same token again is answered (the fault is used up) with the execution already started.
    const again = await start('orders-1', TOKEN);
    expect(emulator.state.ssm.executions.size).toBe(before + 1);
    expect(emulator.state.ssm.executions.has(again.AutomationExecutionId ?? '')).toBe(true);
  });

  it('starts the execution, then answers HTTP 500 InternalServerError', async () => {
    const before = emulator.state.ssm.executions.size;
    emulator.loseAnswer('ssm', 'StartAutomationExecution', 'internal-error');
    const error = await rejectionOf(start('orders-1'));
    expect(error.name).toBe('InternalServerError');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 500 });
    expect(emulator.state.ssm.executions.size).toBe(before + 1);
  });

  it('keeps a fault for the next call that works: a refused call answers its real error', async () => {
    emulator.loseAnswer('ssm', 'StartAutomationExecution', 'reset');
    const refused = await rejectionOf(
      client.send(new StartAutomationExecutionCommand({ DocumentName: 'AWS-NoSuchRunbook' })),
    );
    expect(refused.name).toBe('AutomationDefinitionNotFoundException');
    const lost = await rejectionOf(start('billing-1'));
    expect(lost.$metadata).not.toHaveProperty('httpStatusCode');
  });

  it('with the SDK retrying (same ClientToken), one lost answer still starts one execution', async () => {
    const retrying = new SSMClient({ ...sdkConfig(emulator), maxAttempts: 3 });
    const before = emulator.state.ssm.executions.size;
    emulator.loseAnswer('ssm', 'StartAutomationExecution', 'internal-error');
    const token = 'a1b2c3d4-0000-4000-8000-000000000001';
    const started = await retrying.send(
      new StartAutomationExecutionCommand({
        DocumentName: REBOOT,
        Parameters: { InstanceId: ['billing-1'] },
        ClientToken: token,
      }),
    );
    retrying.destroy();
    expect(emulator.state.ssm.executions.size).toBe(before + 1);
    const sent = emulator.requestsTo('ssm', 'StartAutomationExecution').slice(-2);
    expect(sent.map((entry) => (entry.input as { ClientToken?: string }).ClientToken)).toEqual([
      token,
      token,
    ]);
    expect(sent.map((entry) => entry.fault)).toEqual(['internal-error', undefined]);
    expect(started.AutomationExecutionId).toHaveLength(36);
  });

  it('lists executions newest first, by document prefix and status', async () => {
    clock.advance(600_000);
    const running = await start('ledger-1');
    const listed = await client.send(
      new DescribeAutomationExecutionsCommand({
        Filters: [
          { Key: 'DocumentNamePrefix', Values: ['AWS-Reboot'] },
          { Key: 'ExecutionStatus', Values: ['Pending', 'InProgress'] },
        ],
      }),
    );
    const ids = listed.AutomationExecutionMetadataList?.map((entry) => entry.AutomationExecutionId);
    expect(ids?.[0]).toBe(running.AutomationExecutionId);
    expect(listed.AutomationExecutionMetadataList?.[0]).toMatchObject({
      DocumentName: REBOOT,
      AutomationExecutionStatus: 'Pending',
      ExecutionStartTime: clock.now(),
    });
    clock.advance(600_000);
    const later = await client.send(
      new DescribeAutomationExecutionsCommand({
        Filters: [{ Key: 'ExecutionStatus', Values: ['Pending', 'InProgress'] }],
      }),
    );
    expect(later.AutomationExecutionMetadataList).toEqual([]);
    const one = await client.send(
      new DescribeAutomationExecutionsCommand({
        Filters: [{ Key: 'ExecutionId', Values: [running.AutomationExecutionId ?? ''] }],
      }),
    );
    expect(one.AutomationExecutionMetadataList?.map((entry) => entry.AutomationExecutionStatus)).toEqual([
      'Success',
    ]);
  });

  it('refuses a status that does not exist and a filter key it does not answer', async () => {
    const status = await rejectionOf(
      client.send(
        new DescribeAutomationExecutionsCommand({
          Filters: [{ Key: 'ExecutionStatus', Values: ['Running'] }],
        }),
      ),
    );
    expect(status).toBeInstanceOf(InvalidFilterValue);
    const key = await rejectionOf(
      client.send(
        new DescribeAutomationExecutionsCommand({ Filters: [{ Key: 'TagKey', Values: ['team'] }] }),
      ),
    );
    expect(key).toBeInstanceOf(InvalidFilterKey);
  });
});
