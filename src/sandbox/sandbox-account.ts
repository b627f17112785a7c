import type { AwsEmulator } from './aws/aws-emulator.ts';

export const SANDBOX_ACCOUNT_ID = '123456789012';
export const SANDBOX_REGION = 'us-east-1';
export const SANDBOX_TOPIC_ARN = `arn:aws:sns:${SANDBOX_REGION}:${SANDBOX_ACCOUNT_ID}:warroom-sandbox`;
export const SANDBOX_ALERT_CHANNEL = 'C0ALERTS';

/** A small account to play with: a PostgreSQL instance, an Aurora cluster, an SNS topic. */
export function seedSandboxAccount(aws: AwsEmulator): void {
  aws.state.rds.addInstance({
    id: 'orders-db',
    engine: 'postgres',
    engineVersion: '16.4',
    instanceClass: 'db.r6g.large',
    multiAZ: true,
    storageEncrypted: true,
    backupRetentionPeriod: 7,
  });
  aws.state.rds.addCluster({
    id: 'payments-aurora',
    engine: 'aurora-postgresql',
    engineVersion: '16.4',
    members: [{ instanceId: 'payments-aurora-1', writer: true }, { instanceId: 'payments-aurora-2' }],
  });
  aws.state.sns.addPendingSubscription(SANDBOX_TOPIC_ARN, 'sandbox-subscription-token');
}
