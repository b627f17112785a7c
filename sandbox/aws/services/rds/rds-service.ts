import { loadServiceModel } from '../../model/service-model.ts';
import { createAwsQueryProtocol } from '../../protocols/aws-query-protocol.ts';
import { rdsValidationErrors } from '../../protocols/query-validation-errors.ts';
import type { OperationHandler, ServiceDefinition } from '../../service-definition.ts';
import { createDBClusterSnapshot, createDBSnapshot } from './create-db-snapshot.ts';
import { describeDBClusterSnapshots } from './describe-db-cluster-snapshots.ts';
import { describeDBClusters } from './describe-db-clusters.ts';
import { describeDBInstances } from './describe-db-instances.ts';
import { describeDBLogFiles } from './describe-db-log-files.ts';
import { describeDBSnapshotAttributes, describeDBSnapshots } from './describe-db-snapshots.ts';
import { describePendingMaintenanceActions } from './describe-pending-maintenance-actions.ts';
import { downloadDBLogFilePortion } from './download-db-log-file-portion.ts';
import { listTagsForResource } from './list-tags-for-resource.ts';
import { validateRdsInput } from './rds-constraints.ts';

/** Each handler first brings RDS up to the clock (changes in flight, running runbooks' effects). */
function settledFirst(handlers: Record<string, OperationHandler>): Record<string, OperationHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (input, context) => {
        context.state.rds.settle();
        return handler(input, context);
      },
    ]),
  );
}

/** RDS over awsQuery, with the documented identifier and MaxRecords rules the model lacks. */
export function createRdsService(): ServiceDefinition {
  const model = loadServiceModel('rds');
  return {
    name: 'rds',
    signingName: 'rds',
    endpointEnvSuffix: 'RDS',
    model,
    protocol: createAwsQueryProtocol(model, rdsValidationErrors),
    handlers: settledFirst({
      DescribeDBInstances: describeDBInstances,
      DescribeDBClusters: describeDBClusters,
      DescribeDBSnapshots: describeDBSnapshots,
      DescribeDBSnapshotAttributes: describeDBSnapshotAttributes,
      DescribeDBClusterSnapshots: describeDBClusterSnapshots,
      DescribeDBLogFiles: describeDBLogFiles,
      DownloadDBLogFilePortion: downloadDBLogFilePortion,
      CreateDBSnapshot: createDBSnapshot,
      CreateDBClusterSnapshot: createDBClusterSnapshot,
      DescribePendingMaintenanceActions: describePendingMaintenanceActions,
      ListTagsForResource: listTagsForResource,
    }),
    extraValidation: validateRdsInput,
  };
}
