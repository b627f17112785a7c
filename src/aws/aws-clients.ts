import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { RDSClient } from '@aws-sdk/client-rds';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
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

/** `https://sqs.<region>.amazonaws.com/…` and the legacy `https://<region>.queue.amazonaws.com/…`. */
const QUEUE_HOST_REGION = [
  /^sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/,
  /^([a-z0-9-]+)\.queue\.amazonaws\.com$/,
];

/** The region an AWS queue URL names; undefined for other hosts (a VPC endpoint, the emulator). */
export function readQueueRegion(queueUrl: string): string | undefined {
  let host: string;
  try {
    host = new URL(queueUrl).hostname;
  } catch {
    return undefined;
  }
  for (const pattern of QUEUE_HOST_REGION) {
    const region = pattern.exec(host)?.[1];
    if (region) return region;
  }
  return undefined;
}

/**
 * The SQS client for one queue, signed for the queue's own region (its URL says which), else the
 * given one: the SDK sends each call to the QueueUrl's host, so a client of another region would
 * sign for the wrong one. MD5 checks of received bodies stay on (the SDK default).
 */
export function createSqsClient(
  queueUrl: string,
  options: { region: string } & AwsClientOverrides,
): SQSClient {
  return new SQSClient({ ...options, region: readQueueRegion(queueUrl) ?? options.region });
}
