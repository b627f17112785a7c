import { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { IncidentManagerGateway } from '../../src/aws/incident-manager-gateway.ts';
import { ManualClock } from '../../src/clock.ts';
import { BotError } from '../../src/errors.ts';
import { rejectionOf, sdkConfig } from '../sandbox/aws/sdk-test-config.ts';

describe('IncidentManagerGateway', () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  let emulator: AwsEmulator;
  let client: SSMIncidentsClient;
  let gateway: IncidentManagerGateway;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    client = new SSMIncidentsClient(sdkConfig(emulator));
    gateway = new IncidentManagerGateway(client);
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('reads an incident record into warroom’s shape', async () => {
    const arn = emulator.state.incidents.addIncidentRecord({
      title: 'orders-db CPU',
      impact: 2,
      summary: 'writer pegged',
      source: 'aws.cloudwatch',
      resourceArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-cpu',
    });
    await expect(gateway.getIncidentRecord(arn)).resolves.toEqual({
      arn,
      title: 'orders-db CPU',
      status: 'OPEN',
      impact: 2,
      summary: 'writer pegged',
      creationTime: new Date('2026-11-22T09:00:00Z'),
      resolvedTime: undefined,
      source: 'aws.cloudwatch',
      createdBy: 'arn:aws:iam::123456789012:user/warroom-emulator',
      resourceArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-cpu',
    });
  });

  it('reports a resolved record with its resolvedTime', async () => {
    const arn = emulator.state.incidents.addIncidentRecord({
      title: 'done',
      status: 'RESOLVED',
      resolvedTime: new Date('2026-11-22T10:00:00Z'),
    });
    await expect(gateway.getIncidentRecord(arn)).resolves.toMatchObject({
      status: 'RESOLVED',
      resolvedTime: new Date('2026-11-22T10:00:00Z'),
    });
  });

  it('maps an unknown ARN to AWS.NOT_FOUND', async () => {
    const error = await rejectionOf(
      gateway.getIncidentRecord('arn:aws:ssm-incidents::123456789012:incident-record/db/missing'),
    );
    expect(error).toBeInstanceOf(BotError);
    expect(error).toMatchObject({
      code: 'AWS.NOT_FOUND',
      userMessage: 'Incident Manager could not find that resource.',
    });
  });

  it.each([
    ['ThrottlingException', 'AWS.THROTTLED'],
    ['AccessDeniedException', 'AWS.ACCESS_DENIED'],
    ['InternalServerException', 'AWS.FAILED'],
  ])('maps %s from AWS to %s, keeping the request id', async (code, botCode) => {
    const arn = emulator.state.incidents.addIncidentRecord({ title: 'flaky' });
    emulator.failNext('ssm-incidents', 'GetIncidentRecord', { code });
    const error = await rejectionOf(gateway.getIncidentRecord(arn));
    expect(error).toMatchObject({ code: botCode });
    expect(error.message).toMatch(/requestId [0-9a-f-]{36}/);
  });

  it('maps a malformed ARN (rejected by AWS validation) to AWS.VALIDATION', async () => {
    const error = await rejectionOf(gateway.getIncidentRecord('not-an-arn'));
    expect(error).toMatchObject({ code: 'AWS.VALIDATION' });
  });
});
