import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { buildMetricWidget } from '../../../src/aws/metric-widget.ts';
import { readPng } from '../../support/read-png.ts';
import { fakeAuthorization } from './wire-request.ts';

/**
 * GetMetricWidgetImage over the wire the JS SDK uses for CloudWatch (AWS-NOTES §1): awsJson 1.0,
 * query-compatible, as raw requests. test/aws/cloudwatch-gateway.test.ts runs the real
 * CloudWatchClient against it.
 */
describe('CloudWatch GetMetricWidgetImage (emulator, raw awsJson 1.0)', () => {
  let emulator: AwsEmulator;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  const getImage = (input: Record<string, unknown>) =>
    fetch(emulator.url, {
      method: 'POST',
      headers: {
        authorization: fakeAuthorization('monitoring'),
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'GraniteServiceVersion20100801.GetMetricWidgetImage',
        'x-amzn-query-mode': 'true',
      },
      body: JSON.stringify(input),
    });

  const widget = buildMetricWidget({
    metric: {
      kind: 'single',
      namespace: 'AWS/RDS',
      name: 'CPUUtilization',
      dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
      stat: 'Average',
      period: 300,
      threshold: 80,
      comparison: 'GreaterThanThreshold',
    },
    title: 'orders-db-cpu-high',
    alarmAt: new Date('2026-11-22T10:00:00Z'),
    now: new Date('2026-11-22T12:00:00Z'),
  });

  it('answers warroom’s widget with a base64 PNG of the requested size', async () => {
    const response = await getImage({ MetricWidget: JSON.stringify(widget) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    const body = (await response.json()) as { MetricWidgetImage: string };
    const png = readPng(Buffer.from(body.MetricWidgetImage, 'base64'));
    expect(png).toMatchObject({ width: 800, height: 400, colourType: 2 });
    expect(png.scanlines.length).toBe((800 * 3 + 1) * 400);
    expect(emulator.requestsTo('cloudwatch', 'GetMetricWidgetImage').at(-1)).toMatchObject({
      input: { MetricWidget: JSON.stringify(widget) },
    });
  });

  it('uses AWS’s default 600×400 when the widget gives no size', async () => {
    const response = await getImage({ MetricWidget: JSON.stringify({ metrics: [['AWS/RDS', 'ReadIOPS']] }) });
    const body = (await response.json()) as { MetricWidgetImage: string };
    expect(readPng(Buffer.from(body.MetricWidgetImage, 'base64'))).toMatchObject({ width: 600, height: 400 });
  });

  it.each([
    ['not JSON', '{metrics'],
    ['no metrics', JSON.stringify({ width: 300 })],
    ['empty metrics', JSON.stringify({ metrics: [] })],
    ['a metric that is not an array', JSON.stringify({ metrics: ['AWS/RDS'] })],
    ['width 0', JSON.stringify({ metrics: [['AWS/RDS', 'ReadIOPS']], width: 0 })],
    ['height 2001', JSON.stringify({ metrics: [['AWS/RDS', 'ReadIOPS']], height: 2001 })],
    ['101 metrics', JSON.stringify({ metrics: Array.from({ length: 101 }, () => ['AWS/RDS', 'ReadIOPS']) })],
  ])('answers InvalidParameterValue for %s', async (_, metricWidget) => {
    const response = await getImage({ MetricWidget: metricWidget });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-query-error')).toBe('InvalidParameterValue;Sender');
    expect(await response.json()).toMatchObject({
      __type: 'InvalidParameterValueException',
      message: expect.stringContaining('MetricWidget'),
    });
  });

  it('names each problem in the message', async () => {
    const response = await getImage({ MetricWidget: JSON.stringify({ metrics: [], width: 5000 }) });
    const { message } = (await response.json()) as { message: string };
    expect(message).toMatch(/2 validation error\(s\): \/metrics: .*; \/width: /);
  });

  it('answers a missing MetricWidget from the model, before the handler', async () => {
    const response = await getImage({});
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'ValidationException' });
  });

  it('plays a planned AccessDenied like AWS', async () => {
    emulator.failNext('cloudwatch', 'GetMetricWidgetImage', { code: 'AccessDeniedException', status: 403 });
    const response = await getImage({ MetricWidget: JSON.stringify(widget) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ __type: 'AccessDeniedException' });
  });
});
