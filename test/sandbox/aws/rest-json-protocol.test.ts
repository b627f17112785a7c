import { describe, expect, it } from 'vitest';
import { loadServiceModel } from '../../../sandbox/aws/model/service-model.ts';
import { createRestJsonProtocol } from '../../../sandbox/aws/protocols/rest-json-protocol.ts';
import { AwsServiceError, modelledError } from '../../../sandbox/aws/service-error.ts';
import { wireRequest } from './wire-request.ts';

const model = loadServiceModel('ssm-incidents');
const protocol = createRestJsonProtocol(model);
const ARN = 'arn:aws:ssm-incidents::123456789012:incident-record/db/abc';

describe('restJson1 protocol', () => {
  it('routes by method and path and reads query-string members', () => {
    const parsed = protocol.parseRequest(
      wireRequest({ method: 'GET', path: '/getIncidentRecord', query: `arn=${encodeURIComponent(ARN)}` }),
    );
    expect(parsed.operation.name).toBe('GetIncidentRecord');
    expect(parsed.input).toEqual({ arn: ARN });
  });

  it('decodes JSON bodies, turning epoch seconds into Dates', () => {
    const parsed = protocol.parseRequest(
      wireRequest({
        path: '/createTimelineEvent',
        body: { incidentRecordArn: ARN, eventTime: 1.5, eventType: 'Note', eventData: '"x"', junk: 1 },
      }),
    );
    expect(parsed.operation.name).toBe('CreateTimelineEvent');
    expect(parsed.input).toEqual({
      incidentRecordArn: ARN,
      eventTime: new Date(1500),
      eventType: 'Note',
      eventData: '"x"',
    });
  });

  it('rejects a wrongly typed member as SerializationException', () => {
    const call = () =>
      protocol.parseRequest(wireRequest({ path: '/updateIncidentRecord', body: { arn: ARN, impact: '2' } }));
    expect(call).toThrowError(AwsServiceError);
    expect(call).toThrow(/Expected a number at 'impact'/);
  });

  it('answers unknown routes with UnknownOperationException', () => {
    const call = () => protocol.parseRequest(wireRequest({ path: '/deleteEverything' }));
    expect(call).toThrow(expect.objectContaining({ code: 'UnknownOperationException', status: 404 }));
  });

  it('uses the model response code and no body for 204', () => {
    const update = model.operations.UpdateIncidentRecord;
    const create = model.operations.CreateTimelineEvent;
    if (!update || !create) throw new Error('model lacks operations');
    expect(protocol.serializeOutput(update, {}, 'req-1')).toMatchObject({ status: 204, body: '' });
    const created = protocol.serializeOutput(create, { eventId: 'e1', incidentRecordArn: ARN }, 'req-2');
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body)).toEqual({ eventId: 'e1', incidentRecordArn: ARN });
  });

  it('writes timestamps as epoch seconds', () => {
    const get = model.operations.GetTimelineEvent;
    if (!get) throw new Error('model lacks GetTimelineEvent');
    const event = {
      eventId: 'e',
      incidentRecordArn: ARN,
      eventTime: new Date(2500),
      eventUpdatedTime: new Date(0),
      eventType: 'Note',
      eventData: '',
    };
    expect(JSON.parse(protocol.serializeOutput(get, { event }, 'r').body).event.eventTime).toBe(2.5);
  });

  it('writes errors with x-amzn-errortype and the model status', () => {
    const error = modelledError(model, 'ResourceNotFoundException', 'gone', {
      fields: { resourceType: 'INCIDENT_RECORD' },
    });
    const response = protocol.serializeError(error, 'req-3');
    expect(response.status).toBe(404);
    expect(response.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
    expect(JSON.parse(response.body)).toEqual({ message: 'gone', resourceType: 'INCIDENT_RECORD' });
  });
});
