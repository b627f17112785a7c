import type { MetricWidget } from './metric-widget.ts';

/**
 * The port for pictures of metrics (CloudWatch GetMetricWidgetImage). Resolves to PNG bytes;
 * rejects with a BotError coded `AWS.*` (see toAwsBotError), e.g. `AWS.ACCESS_DENIED` when the
 * role lacks `cloudwatch:GetMetricWidgetImage`, `AWS.THROTTLED` past the 20 TPS limit.
 */
export interface MetricImages {
  fetchPng(widget: MetricWidget): Promise<Uint8Array>;
}
