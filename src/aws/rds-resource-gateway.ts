import { DescribeDBClustersCommand, DescribeDBInstancesCommand, type RDSClient } from '@aws-sdk/client-rds';
import type { RdsResourceIds, RdsResourceReader } from './automation-port.ts';
import { toAwsBotError } from './aws-error.ts';

/** Reads an RDS instance's or cluster's ARN and resource id (DescribeDBInstances / DescribeDBClusters). */
export class RdsResourceGateway implements RdsResourceReader {
  constructor(private readonly client: RDSClient) {}

  async describe(kind: 'rds-instance' | 'rds-cluster', id: string): Promise<RdsResourceIds> {
    try {
      if (kind === 'rds-instance') {
        const output = await this.client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
        const instance = output.DBInstances?.[0];
        return { arn: instance?.DBInstanceArn, resourceId: instance?.DbiResourceId };
      }
      const output = await this.client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
      const cluster = output.DBClusters?.[0];
      return { arn: cluster?.DBClusterArn, resourceId: cluster?.DbClusterResourceId };
    } catch (error) {
      throw toAwsBotError(
        error,
        'RDS',
        kind === 'rds-instance' ? 'DescribeDBInstances' : 'DescribeDBClusters',
      );
    }
  }
}
