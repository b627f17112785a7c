import {
  AutomationDefinitionNotFoundException,
  AutomationExecutionNotFoundException,
  DescribeAutomationStepExecutionsCommand,
  DescribeDocumentCommand,
  GetAutomationExecutionCommand,
  IdempotentParameterMismatch,
  InvalidAutomationExecutionParametersException,
  InvalidAutomationStatusUpdateException,
  InvalidDocument,
  SSMClient,
  StartAutomationExecutionCommand,
  StopAutomationExecutionCommand,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

const REBOOT = 'AWS-RebootRdsInstance';

describe('SSM Automation through the real SDK', () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  let emulator: AwsEmulator;
  let client: SSMClient;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    // Runbooks act on the emulated RDS: the instance they reboot must exist.
    emulator.state.rds.addInstance({ id: 'orders-1' });
    client = new SSMClient(sdkConfig(emulator));
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  const start = (
    parameters: Record<string, string[]>,
    extra: { ClientToken?: string; DocumentName?: string } = {},
  ) =>
    client.send(
      new StartAutomationExecutionCommand({ DocumentName: REBOOT, Parameters: parameters, ...extra }),
    );
  const statusOf = async (id: string | undefined) =>
    (await client.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id }))).AutomationExecution;

  it('describes the AWS-managed runbooks with their real parameter names', async () => {
    const { Document } = await client.send(
      new DescribeDocumentCommand({ Name: 'AWSConfigRemediation-DisablePublicAccessToRDSInstance' }),
    );
    expect(Document).toMatchObject({ DocumentType: 'Automation', Status: 'Active', Owner: 'Amazon' });
    expect(
      Document?.Parameters?.map((parameter) => [parameter.Name, parameter.DefaultValue === undefined]),
    ).toEqual([
      ['AutomationAssumeRole', true],
      ['DbInstanceResourceId', true],
    ]);
    const error = await rejectionOf(client.send(new DescribeDocumentCommand({ Name: 'AWS-NoSuchRunbook' })));
    expect(error).toBeInstanceOf(InvalidDocument);
  });

  it('moves an execution Pending → InProgress step by step → Success as the clock advances', async () => {
    const { AutomationExecutionId } = await start({ InstanceId: ['orders-1'] });
    expect(AutomationExecutionId).toHaveLength(36);
    expect((await statusOf(AutomationExecutionId))?.AutomationExecutionStatus).toBe('Pending');
    clock.advance(2_000);
    const first = await statusOf(AutomationExecutionId);
    expect(first).toMatchObject({
      AutomationExecutionStatus: 'InProgress',
      CurrentStepName: 'AssertNotRebooting',
    });
    clock.advance(3_000);
    expect((await statusOf(AutomationExecutionId))?.CurrentStepName).toBe('RebootInstance');
    clock.advance(120_000);
    const done = await statusOf(AutomationExecutionId);
    expect(done?.AutomationExecutionStatus).toBe('Success');
    expect(done?.StepExecutions?.map((step) => step.StepStatus)).toEqual(['Success', 'Success', 'Success']);
    expect(done?.ExecutionEndTime).toEqual(new Date('2026-11-22T09:01:08Z'));
  });

  it('fails at a planned step with its FailureMessage', async () => {
    emulator.state.ssm.failNextExecution({
      documentName: REBOOT,
      stepName: 'RebootInstance',
      failureMessage: 'DB instance is not available',
    });
    const { AutomationExecutionId } = await start({ InstanceId: ['orders-1'] });
    clock.advance(60_000);
    const failed = await statusOf(AutomationExecutionId);
    expect(failed).toMatchObject({
      AutomationExecutionStatus: 'Failed',
      FailureMessage: 'DB instance is not available',
    });
    expect(failed?.StepExecutions?.map((step) => [step.StepName, step.StepStatus])).toEqual([
      ['AssertNotRebooting', 'Success'],
      ['RebootInstance', 'Failed'],
    ]);
    const steps = await client.send(
      new DescribeAutomationStepExecutionsCommand({
        AutomationExecutionId,
        Filters: [{ Key: 'StepExecutionStatus', Values: ['FAILED'] }],
      }),
    );
    expect(steps.StepExecutions?.map((step) => step.StepName)).toEqual(['RebootInstance']);
  });

  it('stops a running execution (Cancelled) and refuses to stop a finished one', async () => {
    const { AutomationExecutionId } = await start({ InstanceId: ['orders-1'] });
    clock.advance(4_000);
    await client.send(new StopAutomationExecutionCommand({ AutomationExecutionId }));
    clock.advance(600_000);
    expect((await statusOf(AutomationExecutionId))?.AutomationExecutionStatus).toBe('Cancelled');
    const error = await rejectionOf(
      client.send(new StopAutomationExecutionCommand({ AutomationExecutionId })),
    );
    expect(error).toBeInstanceOf(InvalidAutomationStatusUpdateException);
  });

  it('rejects a ClientToken that is not a 36-character UUID with ValidationException', async () => {
    const error = await rejectionOf(start({ InstanceId: ['orders-1'] }, { ClientToken: 'retry-1' }));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(
      /^2 validation errors detected: Value 'retry-1' at 'clientToken' failed to satisfy constraint/,
    );
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400 });
  });

  it('returns the same execution for the same ClientToken, and mismatches other input', async () => {
    const ClientToken = '0b9c2a44-6a4f-4d3e-9f43-5c1d7e8a9b10';
    const first = await start({ InstanceId: ['orders-1'] }, { ClientToken });
    const again = await start({ InstanceId: ['orders-1'] }, { ClientToken });
    expect(again.AutomationExecutionId).toBe(first.AutomationExecutionId);
    const error = await rejectionOf(start({ InstanceId: ['billing'] }, { ClientToken }));
    expect(error).toBeInstanceOf(IdempotentParameterMismatch);
  });

  it('checks parameters against the document', async () => {
    const unknown = await rejectionOf(start({ InstanceId: ['db'], DBInstanceIdentifier: ['db'] }));
    expect(unknown).toBeInstanceOf(InvalidAutomationExecutionParametersException);
    expect(unknown.message).toContain('[DBInstanceIdentifier]');
    const missing = await rejectionOf(
      start({ AutomationAssumeRole: ['arn:aws:iam::123456789012:role/ssm'] }),
    );
    expect(missing).toBeInstanceOf(InvalidAutomationExecutionParametersException);
    expect(missing.message).toContain('[InstanceId]');
    const notAllowed = await rejectionOf(
      start({ ClusterName: ['orders'], Action: ['Restart'] }, { DocumentName: 'AWS-StartStopAuroraCluster' }),
    );
    expect(notAllowed.message).toBe('Parameter "Action" has value "Restart" not found in [Start, Stop].');
    const noDocument = await rejectionOf(
      start({ InstanceId: ['db'] }, { DocumentName: 'AWS-RebootEverything' }),
    );
    expect(noDocument).toBeInstanceOf(AutomationDefinitionNotFoundException);
  });

  it('answers an unknown execution id with AutomationExecutionNotFoundException', async () => {
    const error = await rejectionOf(statusOf('00000000-0000-0000-0000-000000000000'));
    expect(error).toBeInstanceOf(AutomationExecutionNotFoundException);
  });
});
