import { describe, expect, it } from 'vitest';
import { consoleUrlFor } from '../../src/incidents/console-links.ts';

describe('consoleUrlFor', () => {
  it('links the EC2 instance, Lambda function and DynamoDB table an alarm names to their console pages', () => {
    const at = { region: 'eu-west-1', accountId: '111122223333' };
    expect(consoleUrlFor({ kind: 'ec2-instance', id: 'i-0abc123def4567890', ...at })).toBe(
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0abc123def4567890',
    );
    expect(consoleUrlFor({ kind: 'lambda-function', id: 'checkout-handler', ...at })).toBe(
      'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/checkout-handler',
    );
    expect(consoleUrlFor({ kind: 'dynamodb-table', id: 'carts', ...at })).toBe(
      'https://eu-west-1.console.aws.amazon.com/dynamodbv2/home?region=eu-west-1#table?name=carts',
    );
  });

  it('gives no link without a region or for a kind it has no page for', () => {
    expect(consoleUrlFor({ kind: 'ec2-instance', id: 'i-0abc' })).toBeUndefined();
    expect(consoleUrlFor({ kind: 'sqs-queue', id: 'orders', region: 'eu-west-1' })).toBeUndefined();
  });
});
