import { describe, expect, it } from 'vitest';
import { firstLocation, parseArn, topicLocation } from '../../../handlers/notifications/aws-arn.ts';

describe('parseArn', () => {
  it('splits an ARN, keeping colons inside the resource', () => {
    expect(parseArn('arn:aws:rds:us-east-1:123456789012:snapshot:rds:my-db-snapshot')).toEqual({
      partition: 'aws',
      service: 'rds',
      region: 'us-east-1',
      accountId: '123456789012',
      resource: 'snapshot:rds:my-db-snapshot',
    });
  });

  it('drops placeholder regions and accounts and region-less fields', () => {
    expect(parseArn('arn:aws:cloudwatch:REGION:ACCOUNT_NUMBER:alarm:EXAMPLE')).toEqual({
      partition: 'aws',
      service: 'cloudwatch',
      resource: 'alarm:EXAMPLE',
    });
    expect(parseArn('arn:aws-cn:ssm-incidents::111122223333:incident-record/p/1')).toMatchObject({
      partition: 'aws-cn',
      accountId: '111122223333',
    });
  });

  it('rejects things that are not ARNs', () => {
    expect(parseArn('not-an-arn')).toBeUndefined();
    expect(parseArn('arn:gcp:rds:us-east-1:123456789012:db:x')).toBeUndefined();
    expect(parseArn(undefined)).toBeUndefined();
  });
});

describe('locations', () => {
  it('reads the region and account of an SNS topic', () => {
    expect(topicLocation('arn:aws:sns:eu-west-1:444455556666:alerts')).toEqual({
      region: 'eu-west-1',
      accountId: '444455556666',
    });
  });

  it('takes region and account independently from the first candidate that has each', () => {
    expect(
      firstLocation({ region: 'us-east-1' }, undefined, { region: 'eu-west-1', accountId: '1' }),
    ).toEqual({
      region: 'us-east-1',
      accountId: '1',
    });
  });
});
