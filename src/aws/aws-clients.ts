import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { RDSClient } from '@aws-sdk/client-rds';
import { SNSClient } from '@aws-sdk/client-sns';
import { SSMClient, type SSMClientConfig } from '@aws-sdk/client-ssm';
import { SSMContactsClient } from '@aws-sdk/client-ssm-contacts';
import { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { createCloudWatchClient } from './cloudwatch-client.ts';

/** One SDK client per service, built once at start-up and shared by the gateways. */
export interface AwsClients {
  ssmIncidents: SSMIncidentsClient;
  ssmContacts: SSMContactsClient;
  ssm: SSMClient;
  rds: RDSClient;
  sns: SNSClient;
  cloudwatch: CloudWatchClient;
}

/**
 * Settings every client shares besides the region. Production passes none: credentials come from
 * the standard chain and endpoints from `AWS_ENDPOINT_URL_<SERVICE>`, which the SDK reads itself.
 * Tests pass credentials, an endpoint or `maxAttempts: 1` (so a simulated throttle is not retried).
 */
export type AwsClientOverrides = Pick<SSMClientConfig, 'credentials' | 'endpoint' | 'maxAttempts'>;

export function createAwsClients(options: { region: string } & AwsClientOverrides): AwsClients {
  const config = { ...options };
  return {
    ssmIncidents: new SSMIncidentsClient(config),
    ssmContacts: new SSMContactsClient(config),
    ssm: new SSMClient(config),
    rds: new RDSClient(config),
    sns: new SNSClient(config),
    cloudwatch: createCloudWatchClient(config),
  };
}
