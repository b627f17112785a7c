import { createHash } from 'node:crypto';
import type { ParsedMetricWidget, WidgetRendering } from './metric-widget-schema.ts';
import type { RgbImage } from './png-encoder.ts';
import { Raster, type Rgb } from './raster.ts';

const WHITE: Rgb = [255, 255, 255];
const FRAME: Rgb = [200, 200, 200];
const GRID: Rgb = [236, 236, 236];
const ALARM_SHADE: Rgb = [252, 228, 228];
const THRESHOLD: Rgb = [214, 39, 40];
const MARKER: Rgb = [120, 120, 120];
const PALETTE: Rgb[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [148, 103, 189],
];

/**
 * A line chart of made-up but deterministic data (seeded by `seed`, e.g. the request) for each
 * visible metric: calm before the widget's first vertical annotation, past its first horizontal
 * annotation after it, so the picture looks like the alarm it illustrates. No text is drawn.
 */
export function drawMetricChart(widget: ParsedMetricWidget, seed: string): RgbImage {
  const raster = new Raster(widget.width ?? 600, widget.height ?? 400, WHITE);
  const left = Math.min(50, Math.floor(raster.width * 0.1));
  const top = Math.min(30, Math.floor(raster.height * 0.1));
  const plotWidth = raster.width - left - Math.min(20, Math.floor(raster.width * 0.05));
  const plotHeight = raster.height - top - Math.min(40, Math.floor(raster.height * 0.12));
  if (plotWidth < 4 || plotHeight < 4) return raster;

  const lines = (widget.annotations?.horizontal ?? []).flat();
  const threshold = lines[0]?.value ?? 100;
  const fill = lines[0]?.fill;
  const alarmAt = alarmFraction(widget);
  const series = visibleMetrics(widget).map((_, index) =>
    pseudoSeries(`${seed}#${index}`, Math.max(2, Math.min(120, Math.floor(plotWidth / 8))), {
      threshold,
      alarmAt,
      falling: fill === 'below',
    }),
  );
  const values = [threshold, 0, ...series.flat()];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low || 1) * 0.1;
  const y = (value: number) =>
    top + plotHeight - ((value - (low - pad)) / (high - low + 2 * pad)) * plotHeight;

  for (let i = 1; i < 4; i++)
    raster.line([left, top + (plotHeight * i) / 4], [left + plotWidth, top + (plotHeight * i) / 4], GRID);
  if (lines.length > 0 && fill !== undefined && fill !== 'between') {
    const edge = fill === 'above' ? top : top + plotHeight;
    raster.fillRect(
      left,
      Math.min(edge, y(threshold)),
      plotWidth,
      Math.abs(y(threshold) - edge),
      ALARM_SHADE,
    );
  }
  for (const line of lines)
    raster.line([left, y(line.value)], [left + plotWidth, y(line.value)], THRESHOLD, 2);
  if (alarmAt !== undefined) {
    const x = left + plotWidth * alarmAt;
    raster.line([x, top], [x, top + plotHeight], MARKER, 1, 4);
  }
  series.forEach((points, index) => {
    const colour = PALETTE[index % PALETTE.length] ?? MARKER;
    const x = (i: number) => left + (plotWidth * i) / (points.length - 1);
    for (let i = 1; i < points.length; i++) {
      raster.line([x(i - 1), y(points[i - 1] ?? 0)], [x(i), y(points[i] ?? 0)], colour, 2);
    }
  });
  raster.line([left, top], [left, top + plotHeight], FRAME);
  raster.line([left, top + plotHeight], [left + plotWidth, top + plotHeight], FRAME);
  return raster;
}

function visibleMetrics(widget: ParsedMetricWidget): Array<WidgetRendering | undefined> {
  const renderings = widget.metrics.map((entry) => {
    const last = entry.at(-1);
    return typeof last === 'string' ? undefined : last;
  });
  const visible = renderings.filter((rendering) => rendering?.visible !== false);
  return visible.length > 0 ? visible : renderings.slice(0, 1);
}

/** Where the first vertical annotation falls between start and end (0–1), when all three are times. */
function alarmFraction(widget: ParsedMetricWidget): number | undefined {
  const [first] = (widget.annotations?.vertical ?? []).flat();
  const at = Date.parse(first?.value ?? '');
  const start = Date.parse(widget.start ?? '');
  const end = Date.parse(widget.end ?? '');
  if (Number.isNaN(at) || Number.isNaN(start) || Number.isNaN(end) || end <= start) return undefined;
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

function pseudoSeries(
  seed: string,
  count: number,
  shape: { threshold: number; alarmAt: number | undefined; falling: boolean },
): number[] {
  const random = seededRandom(seed);
  const scale = Math.abs(shape.threshold) || 1;
  const turn = shape.alarmAt ?? 0.85;
  const [calm, alarming] = shape.falling ? [1.45, 0.6] : [0.6, 1.2];
  return Array.from({ length: count }, (_, i) => {
    const level = i / (count - 1) < turn ? calm : alarming;
    return shape.threshold + scale * (level - 1 + (random() - 0.5) * 0.25);
  });
}

/** mulberry32 seeded from a SHA-256 of the text: same text, same numbers. */
function seededRandom(text: string): () => number {
  let state = createHash('sha256').update(text).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
