import type {
  DBSnapshotMessage,
  DescribeDBSnapshotAttributesMessage,
  DescribeDBSnapshotAttributesResult,
  DescribeDBSnapshotsMessage,
} from '@aws-sdk/client-rds';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { invalidMarker, rdsFilterMatcher, rdsNotFound } from './rds-errors.ts';
import type { SnapshotRecord } from './rds-state.ts';
import { snapshotAt } from './snapshot-progress.ts';

const FILTERS: Record<string, (record: SnapshotRecord) => Array<string | undefined>> = {
  'db-instance-id': ({ snapshot }) => [snapshot.DBInstanceIdentifier],
  'db-snapshot-id': ({ snapshot }) => [snapshot.DBSnapshotIdentifier, snapshot.DBSnapshotArn],
  'dbi-resource-id': ({ snapshot }) => [snapshot.DbiResourceId],
  'snapshot-type': ({ snapshot }) => [snapshot.SnapshotType],
  engine: ({ snapshot }) => [snapshot.Engine],
};

function findSnapshot(context: HandlerContext, identifier: string): SnapshotRecord {
  const wanted = identifier.toLowerCase();
  const record = [...context.state.rds.snapshots.values()].find(
    ({ snapshot }) =>
      snapshot.DBSnapshotIdentifier === wanted || snapshot.DBSnapshotArn?.toLowerCase() === wanted,
  );
  if (!record) throw rdsNotFound('DBSnapshotNotFound', `DBSnapshot ${identifier} not found.`);
  return record;
}

/**
 * DescribeDBSnapshots: by snapshot id (404 if unknown), by instance id (empty list if none), by
 * SnapshotType (`public` selects the account's public snapshots) and Filters.
 */
export function describeDBSnapshots(
  raw: Record<string, unknown>,
  context: HandlerContext,
): DBSnapshotMessage {
  const input = validatedInput<DescribeDBSnapshotsMessage>(raw);
  let records = [...context.state.rds.snapshots.values()];
  if (input.DBSnapshotIdentifier !== undefined) records = [findSnapshot(context, input.DBSnapshotIdentifier)];
  const instanceId = input.DBInstanceIdentifier?.toLowerCase();
  if (instanceId !== undefined)
    records = records.filter(({ snapshot }) => snapshot.DBInstanceIdentifier === instanceId);
  if (input.SnapshotType === 'public') records = records.filter((record) => record.public);
  else if (input.SnapshotType !== undefined)
    records = records.filter(({ snapshot }) => snapshot.SnapshotType === input.SnapshotType);
  const page = paginate(records.filter(rdsFilterMatcher(input.Filters, FILTERS)), {
    pageSize: input.MaxRecords ?? 100,
    token: input.Marker,
    listing: `snapshots:${JSON.stringify([input.Filters, input.DBSnapshotIdentifier, instanceId, input.SnapshotType])}`,
    invalidToken: invalidMarker,
  });
  const now = context.clock.now();
  return {
    DBSnapshots: page.items.map(({ snapshot, availableAt }) => snapshotAt(snapshot, availableAt, now)),
    Marker: page.nextToken,
  };
}

/** The `restore` attribute: account ids the snapshot is shared with, plus `all` when it is public. */
export function describeDBSnapshotAttributes(
  raw: Record<string, unknown>,
  context: HandlerContext,
): DescribeDBSnapshotAttributesResult {
  const input = validatedInput<DescribeDBSnapshotAttributesMessage>(raw);
  const record = findSnapshot(context, input.DBSnapshotIdentifier ?? '');
  const values = record.public ? ['all', ...record.restoreAccounts] : record.restoreAccounts;
  return {
    DBSnapshotAttributesResult: {
      DBSnapshotIdentifier: record.snapshot.DBSnapshotIdentifier,
      DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: values }],
    },
  };
}
