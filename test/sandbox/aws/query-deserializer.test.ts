import { describe, expect, it } from 'vitest';
import { loadServiceModel } from '../../../sandbox/aws/model/service-model.ts';
import { decodeQueryInput } from '../../../sandbox/aws/protocols/query-deserializer.ts';

const rds = loadServiceModel('rds');
const sqs = loadServiceModel('sqs');
const sns = loadServiceModel('sns');

function decode(model: typeof rds, shape: string, query: string) {
  return decodeQueryInput(model, shape, new URLSearchParams(query));
}

describe('decodeQueryInput', () => {
  it('rebuilds lists named by the model’s locationName', () => {
    const { input, issues } = decode(
      rds,
      'DescribeDBInstancesMessage',
      'Filters.Filter.1.Name=engine&Filters.Filter.1.Values.Value.1=postgres&Filters.Filter.1.Values.Value.2=mysql' +
        '&Filters.Filter.2.Name=db-instance-id&Filters.Filter.2.Values.Value.1=db1&MaxRecords=20&Marker=abc',
    );
    expect(issues).toEqual([]);
    expect(input).toEqual({
      Filters: [
        { Name: 'engine', Values: ['postgres', 'mysql'] },
        { Name: 'db-instance-id', Values: ['db1'] },
      ],
      MaxRecords: 20,
      Marker: 'abc',
    });
  });

  it('reads booleans, timestamps and Tag lists', () => {
    const reboot = decode(rds, 'RebootDBInstanceMessage', 'DBInstanceIdentifier=db1&ForceFailover=true');
    expect(reboot.input).toEqual({ DBInstanceIdentifier: 'db1', ForceFailover: true });
    const events = decode(
      rds,
      'DescribeEventsMessage',
      'StartTime=2024-01-01T00%3A00%3A00Z&EventCategories.EventCategory.1=failover',
    );
    expect(events.input).toEqual({
      StartTime: new Date('2024-01-01T00:00:00Z'),
      EventCategories: ['failover'],
    });
    const snapshot = decode(
      rds,
      'CreateDBSnapshotMessage',
      'DBSnapshotIdentifier=s&DBInstanceIdentifier=d&Tags.Tag.1.Key=k&Tags.Tag.1.Value=v',
    );
    expect(snapshot.input).toEqual({
      DBSnapshotIdentifier: 's',
      DBInstanceIdentifier: 'd',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
  });

  it('reads an empty parameter as an empty list, as the SDK sends []', () => {
    expect(decode(rds, 'DescribeDBInstancesMessage', 'Filters=').input).toEqual({ Filters: [] });
  });

  it('reports text that is not the model’s type', () => {
    const { input, issues } = decode(
      rds,
      'DescribeDBInstancesMessage',
      'MaxRecords=lots&DBInstanceIdentifier=db1',
    );
    expect(input).toEqual({ DBInstanceIdentifier: 'db1' });
    expect(issues).toEqual([
      expect.objectContaining({ members: ['MaxRecords'], value: 'lots', kind: 'invalid' }),
    ]);
  });

  it('reads flattened lists and maps (query form of SQS)', () => {
    const { input } = decode(
      sqs,
      'ReceiveMessageRequest',
      'QueueUrl=q&AttributeNames.1=All&MessageAttributeNames.1=a&MessageAttributeNames.2=b',
    );
    expect(input).toEqual({ QueueUrl: 'q', AttributeNames: ['All'], MessageAttributeNames: ['a', 'b'] });
    const send = decode(
      sqs,
      'SendMessageRequest',
      'QueueUrl=q&MessageBody=hi&MessageAttributes.1.key=k&MessageAttributes.1.value.DataType=String' +
        '&MessageAttributes.1.value.StringValue=v',
    );
    expect(send.input).toEqual({
      QueueUrl: 'q',
      MessageBody: 'hi',
      MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } },
    });
  });

  it('ignores parameters the model does not know and keeps the rest', () => {
    const { input } = decode(sns, 'ConfirmSubscriptionInput', 'TopicArn=t&Token=x&Bogus=1');
    expect(input).toEqual({ TopicArn: 't', Token: 'x' });
  });
});
