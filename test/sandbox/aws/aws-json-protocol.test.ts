import { describe, expect, it } from 'vitest';
import { loadServiceModel } from '../../../sandbox/aws/model/service-model.ts';
import { createAwsJsonProtocol } from '../../../sandbox/aws/protocols/aws-json-protocol.ts';
import { modelledError } from '../../../sandbox/aws/service-error.ts';
import { validateShape } from '../../../sandbox/aws/validation/validate-shape.ts';
import { wireRequest } from './wire-request.ts';

describe('awsJson protocol', () => {
  const ssm = createAwsJsonProtocol(loadServiceModel('ssm'));

  it('routes by X-Amz-Target', () => {
    const parsed = ssm.parseRequest(
      wireRequest({
        headers: { 'x-amz-target': 'AmazonSSM.GetAutomationExecution' },
        body: { AutomationExecutionId: 'x' },
      }),
    );
    expect(parsed.operation.name).toBe('GetAutomationExecution');
    expect(parsed.input).toEqual({ AutomationExecutionId: 'x' });
  });

  it('rejects another service target or an unknown operation', () => {
    for (const target of ['SSMContacts.StartEngagement', 'AmazonSSM.DeleteEverything', '']) {
      expect(() => ssm.parseRequest(wireRequest({ headers: { 'x-amz-target': target }, body: {} }))).toThrow(
        expect.objectContaining({ code: 'UnknownOperationException', status: 400 }),
      );
    }
  });

  it('writes errors as __type plus the shape’s message member', () => {
    const error = modelledError(loadServiceModel('ssm'), 'AutomationExecutionNotFoundException', 'nope');
    const response = ssm.serializeError(error, 'r');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(response.body)).toEqual({
      __type: 'AutomationExecutionNotFoundException',
      Message: 'nope',
    });
    expect(response.headers['x-amzn-query-error']).toBeUndefined();
  });

  it('answers constraint violations with ValidationException, as real SSM does', () => {
    const model = loadServiceModel('ssm');
    const issues = validateShape(model, 'GetAutomationExecutionRequest', { AutomationExecutionId: 'short' });
    const error = ssm.validationError(issues);
    expect(error.code).toBe('ValidationException');
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      "1 validation error detected: Value 'short' at 'automationExecutionId' failed to satisfy constraint: Member must have length greater than or equal to 36",
    );
  });

  it('uses SSMContacts targets and its modelled ValidationException', () => {
    const contacts = createAwsJsonProtocol(loadServiceModel('ssm-contacts'));
    const parsed = contacts.parseRequest(
      wireRequest({ headers: { 'x-amz-target': 'SSMContacts.ListContacts' }, body: {} }),
    );
    expect(parsed.operation.name).toBe('ListContacts');
    const model = loadServiceModel('ssm-contacts');
    const error = contacts.validationError(
      validateShape(model, 'AcceptPageRequest', { PageId: 'p', AcceptType: 'READ', AcceptCode: '12' }),
    );
    expect(error).toMatchObject({ code: 'ValidationException', status: 400 });
  });

  it('adds x-amzn-query-error for query-compatible services (SQS, CloudWatch)', () => {
    const sqsModel = loadServiceModel('sqs');
    const sqs = createAwsJsonProtocol(sqsModel);
    const response = sqs.serializeError(modelledError(sqsModel, 'QueueDoesNotExist', 'no queue'), 'r');
    expect(response.headers['x-amzn-query-error']).toBe('AWS.SimpleQueueService.NonExistentQueue;Sender');
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.0');
    const cloudwatch = createAwsJsonProtocol(loadServiceModel('cloudwatch'));
    const parsed = cloudwatch.parseRequest(
      wireRequest({
        headers: { 'x-amz-target': 'GraniteServiceVersion20100801.GetMetricWidgetImage' },
        body: { MetricWidget: '{}' },
      }),
    );
    expect(parsed.operation.name).toBe('GetMetricWidgetImage');
  });

  it('encodes blobs as base64 and timestamps as epoch seconds', () => {
    const model = loadServiceModel('cloudwatch');
    const cloudwatch = createAwsJsonProtocol(model);
    const operation = model.operations.GetMetricWidgetImage;
    if (!operation) throw new Error('model lacks GetMetricWidgetImage');
    const response = cloudwatch.serializeOutput(
      operation,
      { MetricWidgetImage: new Uint8Array([137, 80, 78, 71]) },
      'r',
    );
    expect(JSON.parse(response.body)).toEqual({ MetricWidgetImage: 'iVBORw==' });
  });
});
