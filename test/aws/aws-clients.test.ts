import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { ConfirmSubscriptionCommand } from '@aws-sdk/client-sns';
import { DescribeDocumentCommand } from '@aws-sdk/client-ssm';
import { GetIncidentRecordCommand } from '@aws-sdk/client-ssm-incidents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { type AwsClients, createAwsClients } from '../../src/aws/aws-clients.ts';

/** The production path: no endpoint in code; the SDK reads AWS_ENDPOINT_URL_<SERVICE> itself. */
describe('createAwsClients through AWS_ENDPOINT_URL_<SERVICE>', () => {
  let emulator: AwsEmulator;
  let clients: AwsClients;
  const saved = { ...process.env };

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    Object.assign(process.env, emulator.endpointEnv(), {
      AWS_ACCESS_KEY_ID: 'AKIDTEST',
      AWS_SECRET_ACCESS_KEY: 'test-secret',
      AWS_REGION: 'us-east-1',
    });
    clients = createAwsClients({ region: 'us-east-1' });
  });
  afterAll(async () => {
    for (const client of Object.values(clients)) client.destroy();
    process.env = saved;
    await emulator.close();
  });

  it('reaches every service at the emulator', async () => {
    emulator.state.rds.addInstance({ id: 'orders-1' });
    const arn = emulator.state.incidents.addIncidentRecord({ title: 'env' });
    emulator.state.sns.addPendingSubscription('arn:aws:sns:us-east-1:123456789012:t', 'tok');

    const rds = await clients.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-1' }));
    const incident = await clients.ssmIncidents.send(new GetIncidentRecordCommand({ arn }));
    const document = await clients.ssm.send(new DescribeDocumentCommand({ Name: 'AWS-RebootRdsInstance' }));
    const sns = await clients.sns.send(
      new ConfirmSubscriptionCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Token: 'tok' }),
    );

    expect(rds.DBInstances?.[0]?.DBInstanceIdentifier).toBe('orders-1');
    expect(incident.incidentRecord?.title).toBe('env');
    expect(document.Document?.Name).toBe('AWS-RebootRdsInstance');
    expect(sns.SubscriptionArn).toBeDefined();
    expect(emulator.requests.map((entry) => entry.service)).toEqual(['rds', 'ssm-incidents', 'ssm', 'sns']);
  });
});
