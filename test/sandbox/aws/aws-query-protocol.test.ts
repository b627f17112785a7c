import { describe, expect, it } from 'vitest';
import { loadServiceModel } from '../../../sandbox/aws/model/service-model.ts';
import { createAwsQueryProtocol } from '../../../sandbox/aws/protocols/aws-query-protocol.ts';
import {
  rdsValidationErrors,
  snsValidationErrors,
} from '../../../sandbox/aws/protocols/query-validation-errors.ts';
import { modelledError } from '../../../sandbox/aws/service-error.ts';
import { validateShape } from '../../../sandbox/aws/validation/validate-shape.ts';
import { wireRequest } from './wire-request.ts';

const rdsModel = loadServiceModel('rds');
const snsModel = loadServiceModel('sns');
const rds = createAwsQueryProtocol(rdsModel, rdsValidationErrors);
const sns = createAwsQueryProtocol(snsModel, snsValidationErrors);

describe('awsQuery protocol', () => {
  it('reads Action and Version from the form body', () => {
    const parsed = rds.parseRequest(
      wireRequest({ body: 'Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=db1' }),
    );
    expect(parsed.operation.name).toBe('DescribeDBInstances');
    expect(parsed.input).toEqual({ DBInstanceIdentifier: 'db1' });
  });

  it('answers an unknown action with InvalidAction and a wrong version with InvalidParameterValue', () => {
    expect(() => rds.parseRequest(wireRequest({ body: 'Action=DropDatabase&Version=2014-10-31' }))).toThrow(
      expect.objectContaining({ code: 'InvalidAction', status: 400 }),
    );
    expect(() =>
      rds.parseRequest(wireRequest({ body: 'Action=DescribeDBInstances&Version=2010-03-31' })),
    ).toThrow(expect.objectContaining({ code: 'InvalidParameterValue' }));
  });

  it('wraps the result per resultWrapper with list items named by locationName', () => {
    const operation = rdsModel.operations.DescribeDBInstances;
    if (!operation) throw new Error('model lacks DescribeDBInstances');
    const output = {
      DBInstances: [
        {
          DBInstanceIdentifier: 'db1',
          InstanceCreateTime: new Date('2026-01-02T03:04:05Z'),
          MultiAZ: false,
          TagList: [{ Key: 'a&b', Value: '<v>' }],
        },
      ],
    };
    const { body, status } = rds.serializeOutput(operation, output, 'req-9');
    expect(status).toBe(200);
    expect(body).toBe(
      '<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult>' +
        '<DBInstances><DBInstance><DBInstanceIdentifier>db1</DBInstanceIdentifier>' +
        '<InstanceCreateTime>2026-01-02T03:04:05.000Z</InstanceCreateTime><MultiAZ>false</MultiAZ>' +
        '<TagList><Tag><Key>a&amp;b</Key><Value>&lt;v&gt;</Value></Tag></TagList></DBInstance></DBInstances>' +
        '</DescribeDBInstancesResult><ResponseMetadata><RequestId>req-9</RequestId></ResponseMetadata></DescribeDBInstancesResponse>',
    );
  });

  it('writes errors with the shape’s error code, not its name', () => {
    const response = rds.serializeError(
      modelledError(rdsModel, 'DBInstanceNotFoundFault', 'DBInstance x not found.'),
      'req-1',
    );
    expect(response.status).toBe(404);
    expect(response.body).toBe(
      '<ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>Sender</Type><Code>DBInstanceNotFound</Code>' +
        '<Message>DBInstance x not found.</Message></Error><RequestId>req-1</RequestId></ErrorResponse>',
    );
  });

  it('maps RDS validation issues to MissingParameter or InvalidParameterValue', () => {
    const missing = rds.validationError(validateShape(rdsModel, 'RebootDBInstanceMessage', {}));
    expect(missing).toMatchObject({ code: 'MissingParameter', status: 400 });
    expect(missing.message).toBe('The request must contain the parameter DBInstanceIdentifier');
    const invalid = rds.validationError(
      validateShape(rdsModel, 'DescribeDBSnapshotsMessage', { SnapshotType: 5 }),
    );
    expect(invalid).toMatchObject({ code: 'InvalidParameterValue', status: 400 });
  });

  it('maps SNS validation issues to its modelled InvalidParameter', () => {
    const error = sns.validationError(
      validateShape(snsModel, 'ConfirmSubscriptionInput', { TopicArn: 'arn' }),
    );
    expect(error).toMatchObject({
      code: 'InvalidParameterException',
      queryCode: 'InvalidParameter',
      status: 400,
    });
    expect(error.message).toBe('Invalid parameter: Token Reason: no value for required parameter');
  });
});
