import { z } from 'zod';

/** Rendering properties: the optional last element of a metric array, or an expression's only one. */
const rendering = z.looseObject({
  expression: z.string().min(1).optional(),
  id: z.string().optional(),
  label: z.string().optional(),
  stat: z.string().optional(),
  period: z.number().int().positive().optional(),
  visible: z.boolean().optional(),
});

export type WidgetRendering = z.output<typeof rendering>;

/**
 * `[Namespace, MetricName, DimName, DimValue, …, {rendering}?]` (AWS's `"."` / `"…"` shorthands are
 * strings too), or `[{expression, …}]` for metric math.
 */
const metric = z
  .array(z.union([z.string(), rendering]))
  .min(1)
  .superRefine((entry, ctx) => {
    const objects = entry.filter((part) => typeof part !== 'string');
    const last = entry.at(-1);
    if (objects.length > 1 || (objects.length === 1 && typeof last === 'string')) {
      ctx.addIssue({ code: 'custom', message: 'Only the last element may be an object' });
    } else if (entry.length === 1 && (typeof last === 'string' || !last?.expression)) {
      ctx.addIssue({ code: 'custom', message: 'Should be a metric or an {expression} object' });
    } else if (entry.length > 1 && entry.filter((part) => typeof part === 'string').length < 2) {
      ctx.addIssue({ code: 'custom', message: 'A metric needs a namespace and a metric name' });
    }
  });

const horizontal = z.looseObject({
  value: z.number(),
  label: z.string().optional(),
  fill: z.enum(['above', 'below', 'between']).optional(),
});

const vertical = z.looseObject({ value: z.string(), label: z.string().optional() });

const size = z.number().int().min(1).max(2000);

/** The documented MetricWidget structure, as far as the emulator checks it (unknown keys pass). */
export const metricWidgetSchema = z.looseObject({
  metrics: z.array(metric).min(1).max(100),
  width: size.optional(),
  height: size.optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  title: z.string().optional(),
  period: z.number().int().positive().optional(),
  view: z.enum(['timeSeries', 'bar', 'pie', 'singleValue', 'gauge']).optional(),
  annotations: z
    .looseObject({
      // A band is a pair of horizontal annotations.
      horizontal: z.array(z.union([horizontal, z.tuple([horizontal, horizontal])])).optional(),
      vertical: z.array(z.union([vertical, z.tuple([vertical, vertical])])).optional(),
    })
    .optional(),
  legend: z.looseObject({ position: z.enum(['bottom', 'right', 'hidden']) }).optional(),
});

export type ParsedMetricWidget = z.output<typeof metricWidgetSchema>;
