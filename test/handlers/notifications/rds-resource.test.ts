import { describe, expect, it } from 'vitest';
import {
  rdsKindFromSourceType,
  rdsResource,
  rdsResourceFromArn,
} from '../../../handlers/notifications/rds-resource.ts';

describe('RDS resources', () => {
  it.each([
    ['db-instance', 'rds-instance'],
    ['DB_INSTANCE', 'rds-instance'],
    ['db-cluster', 'rds-cluster'],
    ['CLUSTER', 'rds-cluster'],
    ['db-snapshot', 'rds-snapshot'],
    ['SNAPSHOT', 'rds-snapshot'],
    ['db-cluster-snapshot', 'rds-cluster-snapshot'],
    ['CLUSTER_SNAPSHOT', 'rds-cluster-snapshot'],
    ['db-parameter-group', 'other'],
    ['DB_PARAM', 'other'],
    [undefined, 'other'],
  ])('maps source type %s to %s', (sourceType, kind) => {
    expect(rdsKindFromSourceType(sourceType)).toBe(kind);
  });

  it('reads DB, cluster and snapshot ARNs and nothing else', () => {
    expect(rdsResourceFromArn('arn:aws:rds:us-east-1:111122223333:cluster:orders')).toEqual({
      kind: 'rds-cluster',
      id: 'orders',
      arn: 'arn:aws:rds:us-east-1:111122223333:cluster:orders',
      region: 'us-east-1',
      accountId: '111122223333',
    });
    expect(rdsResourceFromArn('arn:aws:rds:us-east-1:111122223333:pg:params')).toBeUndefined();
    expect(rdsResourceFromArn('arn:aws:ec2:us-east-1:111122223333:instance/i-1')).toBeUndefined();
  });

  it('builds ARNs in the right partition, and none without a location', () => {
    expect(rdsResource('rds-instance', 'db1', { region: 'cn-north-1', accountId: '111122223333' }).arn).toBe(
      'arn:aws-cn:rds:cn-north-1:111122223333:db:db1',
    );
    expect(rdsResource('rds-instance', 'db1', { region: 'us-east-1' })).toEqual({
      kind: 'rds-instance',
      id: 'db1',
      region: 'us-east-1',
    });
    expect(rdsResource('other', 'p', { region: 'us-east-1', accountId: '111122223333' }).arn).toBeUndefined();
  });
});
