import type { Resource, ResourceKind } from '../../src/signals/index.ts';
import type { AwsLocation } from './aws-arn.ts';
import { rdsResource, rdsResourceFromArn } from './rds-resource.ts';

/**
 * Request parameters that name the subject of an RDS call, most specific first: a snapshot call
 * is about the snapshot even though it also names its DB. Keys use CloudTrail's odd `dB…` casing;
 * the ARN keys are where responseElements carry the full ARN.
 */
const SUBJECT_KEYS: readonly { key: string; kind: ResourceKind; arnKey: string }[] = [
  { key: 'dBSnapshotIdentifier', kind: 'rds-snapshot', arnKey: 'dBSnapshotArn' },
  { key: 'dBClusterSnapshotIdentifier', kind: 'rds-cluster-snapshot', arnKey: 'dBClusterSnapshotArn' },
  { key: 'dBInstanceIdentifier', kind: 'rds-instance', arnKey: 'dBInstanceArn' },
  { key: 'dBClusterIdentifier', kind: 'rds-cluster', arnKey: 'dBClusterArn' },
];

interface CallParameters {
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
}

/** The snapshot, DB instance or cluster an RDS API call is about, if its parameters name one. */
export function snapshotOrDatabase(call: CallParameters, location: AwsLocation): Resource | undefined {
  const request = call.requestParameters ?? {};
  const response = call.responseElements ?? {};
  for (const { key, kind, arnKey } of SUBJECT_KEYS) {
    const id = request[key];
    if (typeof id !== 'string' || id === '') continue;
    // Shared snapshots are addressed by ARN, not by name.
    if (id.startsWith('arn:')) return rdsResourceFromArn(id) ?? { kind, id };
    const fromResponse = rdsResourceFromArn(
      typeof response[arnKey] === 'string' ? response[arnKey] : undefined,
    );
    if (fromResponse?.kind === kind && fromResponse.id === id) return fromResponse;
    return rdsResource(kind, id, location);
  }
  return undefined;
}
