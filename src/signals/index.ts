/** The signals capability's public entry: what the rest of warroom may use of it. */
export type { AlarmMetric, AlarmMetricQuery, MetricDimension, MetricIdentity } from './alarm-metric.ts';
export type {
  Alert,
  AlertFact,
  AlertSource,
  AutomationStatusEvent,
  Correlation,
  Resource,
  ResourceKind,
} from './alert.ts';
export { RESOURCE_KINDS } from './alert.ts';
export { groupKeyFor, withTopicLocation } from './group-key.ts';
export type { MetricUnit } from './metric-units.ts';
export { alarmMetricUnit, formatMetricValue, metricUnit } from './metric-units.ts';
export type { SignalEffect, SignalPolicyRule } from './signal-policy.ts';
export { decideSignal, matchesSignal, signalTypesOf } from './signal-policy.ts';
