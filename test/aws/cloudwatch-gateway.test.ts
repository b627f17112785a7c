import {
  type CloudWatchClient,
  GetMetricWidgetImageCommand,
  InvalidParameterValueException,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { createCloudWatchClient } from '../../src/aws/cloudwatch-client.ts';
import { CloudWatchGateway } from '../../src/aws/cloudwatch-gateway.ts';
import { buildMetricWidget } from '../../src/aws/metric-widget.ts';
import { rejectionOf, sdkConfig } from '../sandbox/aws/sdk-test-config.ts';
import { readPng } from '../support/read-png.ts';

const widget = buildMetricWidget({
  metric: {
    kind: 'single',
    namespace: 'AWS/RDS',
    name: 'CPUUtilization',
    dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
    stat: 'Average',
    period: 60,
    threshold: 80,
    comparison: 'GreaterThanThreshold',
  },
  title: 'orders-db-cpu-high',
  alarmAt: new Date('2026-11-22T09:25:00Z'),
  now: new Date('2026-11-22T10:00:00Z'),
});

describe('CloudWatch through the real SDK client (pinned awsJson 1.0) against the emulator', () => {
  let emulator: AwsEmulator;
  let client: CloudWatchClient;
  let gateway: CloudWatchGateway;
  const wire: Array<Record<string, string>> = [];

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    client = createCloudWatchClient(sdkConfig(emulator));
    // Notes the headers as sent, after signing: the protocol pin must hold on the wire.
    client.middlewareStack.add(
      (next) => async (args) => {
        wire.push({ ...(args.request as { headers: Record<string, string> }).headers });
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low' },
    );
    gateway = new CloudWatchGateway(client);
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('gets the widget as PNG bytes in a Uint8Array, over awsJson 1.0 signed for `monitoring`', async () => {
    const out = await client.send(new GetMetricWidgetImageCommand({ MetricWidget: JSON.stringify(widget) }));
    expect(out.MetricWidgetImage).toBeInstanceOf(Uint8Array);
    expect(readPng(out.MetricWidgetImage!)).toMatchObject({ width: 800, height: 400 });
    expect(wire.at(-1)).toMatchObject({
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'GraniteServiceVersion20100801.GetMetricWidgetImage',
      'x-amzn-query-mode': 'true',
    });
    expect(wire.at(-1)?.['authorization']).toMatch(/\/us-east-1\/monitoring\/aws4_request/);
  });

  it('raises the modelled error class, Code InvalidParameterValue, for a bad widget', async () => {
    const error = await rejectionOf(
      client.send(new GetMetricWidgetImageCommand({ MetricWidget: JSON.stringify({ metrics: [] }) })),
    );
    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect(error).toMatchObject({ name: 'InvalidParameterValueException', Code: 'InvalidParameterValue' });
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400 });
  });

  it('fetchPng answers the PNG and sends the widget as JSON', async () => {
    const png = await gateway.fetchPng(widget);
    expect(readPng(png)).toMatchObject({ width: 800, height: 400 });
    expect(emulator.requestsTo('cloudwatch', 'GetMetricWidgetImage').at(-1)?.input).toEqual({
      MetricWidget: JSON.stringify(widget),
      OutputFormat: 'png',
    });
  });

  it('maps AWS refusals to coded BotErrors that name CloudWatch', async () => {
    emulator.failNext('cloudwatch', 'GetMetricWidgetImage', { code: 'AccessDeniedException', status: 403 });
    await expect(gateway.fetchPng(widget)).rejects.toMatchObject({
      code: 'AWS.ACCESS_DENIED',
      userMessage: expect.stringContaining('CloudWatch'),
    });
    emulator.failNext('cloudwatch', 'GetMetricWidgetImage', { code: 'Throttling', status: 400 });
    await expect(gateway.fetchPng(widget)).rejects.toMatchObject({ code: 'AWS.THROTTLED' });
    const tooWide = { ...widget, width: 5000 };
    await expect(gateway.fetchPng(tooWide)).rejects.toMatchObject({
      code: 'AWS.VALIDATION',
      message: expect.stringContaining('InvalidParameterValueException'),
    });
  });
});
