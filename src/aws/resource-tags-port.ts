import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { RDSClient } from '@aws-sdk/client-rds';

/** The account and Region a resource lives in: a tag read must be signed for both. */
export interface AwsPlace {
  accountId: string;
  region: string;
}

/** The SDK clients a tag read uses, for one account and Region. */
export interface TagClients {
  rds: RDSClient;
  cloudwatch: CloudWatchClient;
}

/** Clients for a place; the per-account factory (STS AssumeRole) plugs in here. */
export type TagClientsFor = (place: AwsPlace) => TagClients;

/** A resource whose tags an AWS API serves: RDS (DB instances, clusters) or CloudWatch (alarms). */
export interface TaggedResource extends AwsPlace {
  service: 'rds' | 'cloudwatch';
  arn: string;
}

/**
 * Reads a resource's tags with ListTagsForResource. Rejects with a BotError (`AWS.*`, cause the
 * SDK error) when AWS refuses or fails; `signal` abandons the call.
 */
export interface ResourceTagsPort {
  listTags(resource: TaggedResource, signal?: AbortSignal): Promise<Record<string, string>>;
}
