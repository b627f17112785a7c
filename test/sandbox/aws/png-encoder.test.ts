import { describe, expect, it } from 'vitest';
import { drawMetricChart } from '../../../sandbox/aws/services/cloudwatch/draw-metric-chart.ts';
import { metricWidgetSchema } from '../../../sandbox/aws/services/cloudwatch/metric-widget-schema.ts';
import { encodePng } from '../../../sandbox/aws/services/cloudwatch/png-encoder.ts';
import { readPng } from '../../support/read-png.ts';

describe('encodePng', () => {
  it('writes a PNG any reader decodes: signature, IHDR size, CRCs, inflatable IDAT', () => {
    const pixels = new Uint8Array(3 * 2 * 3).map((_, i) => i * 10);
    const png = readPng(encodePng({ width: 3, height: 2, pixels }));
    expect(png).toMatchObject({ width: 3, height: 2, bitDepth: 8, colourType: 2 });
    expect(png.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
    // Each scanline: filter byte 0, then the row's RGB bytes unchanged.
    expect([...png.scanlines]).toEqual([0, ...pixels.subarray(0, 9), 0, ...pixels.subarray(9)]);
  });

  it('refuses a pixel buffer of the wrong size and an empty image', () => {
    expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(3) })).toThrow(RangeError);
    expect(() => encodePng({ width: 0, height: 2, pixels: new Uint8Array(0) })).toThrow(RangeError);
  });
});

describe('drawMetricChart', () => {
  const widget = metricWidgetSchema.parse({
    metrics: [['AWS/RDS', 'CPUUtilization', 'DBInstanceIdentifier', 'orders-db', { stat: 'Average' }]],
    width: 800,
    height: 400,
    start: '2026-11-22T07:00:00.000Z',
    end: '2026-11-22T10:30:00.000Z',
    annotations: {
      horizontal: [{ value: 80, label: 'Threshold 80', fill: 'above' }],
      vertical: [{ value: '2026-11-22T10:00:00.000Z', label: 'Alarm' }],
    },
  });

  it('draws the requested size, deterministically for the same request', () => {
    const first = drawMetricChart(widget, 'seed');
    expect(first).toMatchObject({ width: 800, height: 400 });
    expect(Buffer.from(first.pixels).equals(Buffer.from(drawMetricChart(widget, 'seed').pixels))).toBe(true);
    expect(Buffer.from(first.pixels).equals(Buffer.from(drawMetricChart(widget, 'other').pixels))).toBe(
      false,
    );
  });

  it('draws the threshold in red and the series in blue on white', () => {
    const { pixels } = drawMetricChart(widget, 'seed');
    const colours = new Set<string>();
    for (let i = 0; i < pixels.length; i += 3) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
    expect(colours).toContain('255,255,255');
    expect(colours).toContain('214,39,40');
    expect(colours).toContain('31,119,180');
  });

  it('still gives a blank image of the asked size when there is no room for a chart', () => {
    const tiny = drawMetricChart({ ...widget, width: 1, height: 1 }, 'seed');
    expect(tiny).toMatchObject({ width: 1, height: 1 });
    expect([...tiny.pixels]).toEqual([255, 255, 255]);
  });
});
