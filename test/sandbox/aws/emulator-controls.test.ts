import {
  GetIncidentRecordCommand,
  SSMIncidentsClient,
  ThrottlingException,
} from '@aws-sdk/client-ssm-incidents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';
import { fakeAuthorization } from './wire-request.ts';

describe('emulator test controls', () => {
  let emulator: AwsEmulator;
  let client: SSMIncidentsClient;
  let arn: string;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    client = new SSMIncidentsClient(sdkConfig(emulator));
    arn = emulator.state.incidents.addIncidentRecord({ title: 'controls' });
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('points every AWS_ENDPOINT_URL_<SERVICE> at its one URL', () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.endpointEnv()).toEqual({
      AWS_ENDPOINT_URL_SSM_INCIDENTS: emulator.url,
      AWS_ENDPOINT_URL_SSM: emulator.url,
      AWS_ENDPOINT_URL_RDS: emulator.url,
      AWS_ENDPOINT_URL_SNS: emulator.url,
      AWS_ENDPOINT_URL_SSM_CONTACTS: emulator.url,
      AWS_ENDPOINT_URL_SQS: emulator.url,
      AWS_ENDPOINT_URL_CLOUDWATCH: emulator.url,
      AWS_ENDPOINT_URL_STS: emulator.url,
      AWS_ENDPOINT_URL_DYNAMODB: emulator.url,
    });
  });

  it('fails the next call with a modelled error, then recovers', async () => {
    emulator.failNext('ssm-incidents', 'GetIncidentRecord', {
      code: 'ThrottlingException',
      message: 'Rate exceeded',
    });
    const error = await rejectionOf(client.send(new GetIncidentRecordCommand({ arn })));
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error.$metadata).toMatchObject({ httpStatusCode: 429 });
    await expect(client.send(new GetIncidentRecordCommand({ arn }))).resolves.toHaveProperty(
      'incidentRecord',
    );
    expect(emulator.requestsTo('ssm-incidents', 'GetIncidentRecord').map((entry) => entry.error)).toEqual([
      'ThrottlingException',
      undefined,
    ]);
  });

  it('fails with an unmodelled code and chosen status', async () => {
    emulator.failNext('ssm-incidents', 'GetIncidentRecord', { code: 'ServiceUnavailable', status: 503 });
    const retrying = new SSMIncidentsClient({ ...sdkConfig(emulator), maxAttempts: 1 });
    const error = await rejectionOf(retrying.send(new GetIncidentRecordCommand({ arn })));
    expect(error.name).toBe('ServiceUnavailable');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 503 });
    retrying.destroy();
  });

  it('still validates before a planned failure', async () => {
    emulator.failNext('ssm-incidents', 'GetIncidentRecord', { code: 'AccessDeniedException' });
    const error = await rejectionOf(client.send(new GetIncidentRecordCommand({ arn: 'x'.repeat(1001) })));
    expect(error.name).toBe('ValidationException');
    expect((await rejectionOf(client.send(new GetIncidentRecordCommand({ arn })))).name).toBe(
      'AccessDeniedException',
    );
  });

  it('answers slowly when told to', async () => {
    emulator.delay('ssm-incidents', 'GetIncidentRecord', 150);
    const started = Date.now();
    await client.send(new GetIncidentRecordCommand({ arn }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    emulator.delay('ssm-incidents', 'GetIncidentRecord', 0);
  });

  it('records decoded inputs', async () => {
    await client.send(new GetIncidentRecordCommand({ arn }));
    const last = emulator.requestsTo('ssm-incidents').at(-1);
    expect(last).toMatchObject({ service: 'ssm-incidents', operation: 'GetIncidentRecord', input: { arn } });
    expect(last?.at).toBeInstanceOf(Date);
  });

  it('tolerates a /<service> path prefix on the endpoint', async () => {
    const prefixed = new SSMIncidentsClient({
      ...sdkConfig(emulator),
      endpoint: `${emulator.url}/ssm-incidents`,
    });
    await expect(prefixed.send(new GetIncidentRecordCommand({ arn }))).resolves.toHaveProperty(
      'incidentRecord.arn',
      arn,
    );
    prefixed.destroy();
  });
});

describe('raw HTTP requests', () => {
  let emulator: AwsEmulator;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  const post = (path: string, headers: Record<string, string>, body: string) =>
    fetch(`${emulator.url}${path}`, { method: 'POST', headers, body });

  it('rejects an unsigned request in the protocol’s own format', async () => {
    const rest = await post('/updateIncidentRecord', { 'content-type': 'application/json' }, '{}');
    expect(rest.status).toBe(403);
    expect(rest.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    const query = await post(
      '/',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'Action=DescribeDBInstances&Version=2014-10-31',
    );
    expect(query.status).toBe(403);
    expect(await query.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    const json = await post(
      '/',
      { 'x-amz-target': 'AmazonSSM.DescribeDocument', authorization: 'AWS4-HMAC-SHA256 Credential=oops' },
      '{}',
    );
    expect(json.status).toBe(403);
    expect(await json.json()).toMatchObject({ __type: 'IncompleteSignatureException' });
  });

  it('rejects a signed request missing a required member, without the SDK', async () => {
    const response = await post(
      '/updateIncidentRecord',
      { 'content-type': 'application/json', authorization: fakeAuthorization('ssm-incidents') },
      JSON.stringify({ title: 'no arn' }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await response.json()).toEqual({
      message:
        "1 validation error detected: Value null at 'arn' failed to satisfy constraint: Member must not be null",
    });
  });

  it('answers an unknown signing name with UnknownServiceException', async () => {
    const response = await post('/', { authorization: fakeAuthorization('s3') }, '{}');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownServiceException');
  });

  it('validates, then answers NotImplemented for modelled services without handlers', async () => {
    const contactsHeaders = {
      authorization: fakeAuthorization('ssm-contacts'),
      'x-amz-target': 'SSMContacts.DescribePage',
      'content-type': 'application/x-amz-json-1.1',
    };
    const invalid = await post('/', contactsHeaders, JSON.stringify({ PageId: 'p' }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ __type: 'ValidationException' });
    const valid = await post(
      '/',
      contactsHeaders,
      JSON.stringify({
        PageId: 'arn:aws:ssm-contacts:us-east-1:123456789012:page/alice/abc',
      }),
    );
    expect(valid.status).toBe(501);
    expect(await valid.json()).toMatchObject({ __type: 'NotImplemented' });
    const sqs = await post(
      '/',
      {
        authorization: fakeAuthorization('sqs'),
        'x-amz-target': 'AmazonSQS.ReceiveMessage',
        'x-amzn-query-mode': 'true',
      },
      '{}',
    );
    expect(sqs.status).toBe(400);
    expect(sqs.headers.get('x-amzn-query-error')).toBe('ValidationException;Sender');
    const cloudwatch = await post(
      '/',
      {
        authorization: fakeAuthorization('monitoring'),
        'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarms',
      },
      '{}',
    );
    expect(cloudwatch.status).toBe(501);
    expect(cloudwatch.headers.get('x-amzn-query-error')).toBe('NotImplemented;Receiver');
  });

  it('answers an unknown operation per protocol', async () => {
    const json = await post(
      '/',
      { authorization: fakeAuthorization('ssm'), 'x-amz-target': 'AmazonSSM.DeleteEverything' },
      '{}',
    );
    expect(await json.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const query = await post(
      '/',
      { authorization: fakeAuthorization('sns') },
      'Action=Publish&Version=2010-03-31',
    );
    expect(query.status).toBe(400);
    expect(await query.text()).toContain('<Code>InvalidAction</Code>');
  });
});
