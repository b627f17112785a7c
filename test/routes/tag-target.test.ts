import { describe, expect, it } from 'vitest';
import { findTagTarget } from '../../src/routes/tag-target.ts';

describe('findTagTarget', () => {
  it('uses the ARN the signal carries for an RDS instance, with its account and Region', () => {
    const arn = 'arn:aws:rds:eu-west-1:210987654321:db:orders-db';
    expect(findTagTarget({ kind: 'rds-instance', id: 'orders-db', arn, region: 'us-east-1' })).toEqual({
      target: { service: 'rds', arn, region: 'eu-west-1', accountId: '210987654321' },
    });
  });

  it('builds the DB instance ARN from id, Region and account when the signal carries none', () => {
    expect(
      findTagTarget({
        kind: 'rds-instance',
        id: 'orders-db',
        region: 'us-east-1',
        accountId: '123456789012',
      }),
    ).toEqual({
      target: {
        service: 'rds',
        arn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
        region: 'us-east-1',
        accountId: '123456789012',
      },
    });
  });

  it('builds a cluster ARN with the cluster type, in the partition of a China or GovCloud Region', () => {
    const cn = findTagTarget({
      kind: 'rds-cluster',
      id: 'pay',
      region: 'cn-north-1',
      accountId: '123456789012',
    });
    expect(cn).toMatchObject({ target: { arn: 'arn:aws-cn:rds:cn-north-1:123456789012:cluster:pay' } });
    const gov = findTagTarget({
      kind: 'rds-cluster',
      id: 'pay',
      region: 'us-gov-west-1',
      accountId: '123456789012',
    });
    expect(gov).toMatchObject({
      target: { arn: 'arn:aws-us-gov:rds:us-gov-west-1:123456789012:cluster:pay' },
    });
  });

  it('reads an alarm by its alarm ARN, keeping colons in the alarm name', () => {
    const arn = 'arn:aws:cloudwatch:us-east-2:123456789012:alarm:alert:5c2fd14d';
    expect(findTagTarget({ kind: 'cloudwatch-alarm', id: 'alert:5c2fd14d', arn })).toEqual({
      target: { service: 'cloudwatch', arn, region: 'us-east-2', accountId: '123456789012' },
    });
    expect(
      findTagTarget({
        kind: 'cloudwatch-alarm',
        id: 'cpu high',
        region: 'us-east-1',
        accountId: '123456789012',
      }),
    ).toMatchObject({ target: { arn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu high' } });
  });

  it("does not trust an ARN of another kind of resource: a cluster's signal carrying an instance ARN is rebuilt", () => {
    const target = findTagTarget({
      kind: 'rds-cluster',
      id: 'pay',
      arn: 'arn:aws:rds:us-east-1:123456789012:db:pay-1',
      region: 'us-east-1',
      accountId: '123456789012',
    });
    expect(target).toMatchObject({ target: { arn: 'arn:aws:rds:us-east-1:123456789012:cluster:pay' } });
  });

  it('says which of Region and account is missing when no ARN can be named', () => {
    expect(findTagTarget({ kind: 'rds-instance', id: 'orders-db', region: 'us-east-1' })).toEqual({
      problem: 'the signal names no account for orders-db, so warroom cannot name its ARN to read its tags',
    });
    expect(findTagTarget({ kind: 'rds-cluster', id: 'pay' })).toEqual({
      problem:
        'the signal names no Region or account for pay, so warroom cannot name its ARN to read its tags',
    });
  });

  it('has nothing to read for kinds whose tags warroom does not fetch (snapshots, EC2, queues)', () => {
    for (const kind of ['rds-snapshot', 'ec2-instance', 'sqs-queue', 'other'] as const) {
      expect(findTagTarget({ kind, id: 'x', region: 'us-east-1', accountId: '123456789012' })).toEqual({
        untagged: true,
      });
    }
  });
});
