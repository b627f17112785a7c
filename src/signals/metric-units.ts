import type { AlarmMetric } from './alarm-metric.ts';

/**
 * CloudWatch's unit names (StandardUnit). Alarm messages often carry `"Unit": null`, so the units
 * of the metrics warroom meets most are known here, as AWS documents them per namespace.
 */
export type MetricUnit =
  | 'Bytes'
  | 'Kilobytes'
  | 'Megabytes'
  | 'Gigabytes'
  | 'Bytes/Second'
  | 'Seconds'
  | 'Milliseconds'
  | 'Microseconds'
  | 'Percent'
  | 'Count'
  | 'Count/Second';

const BYTES = 'Bytes';
const SECONDS = 'Seconds';
const MILLISECONDS = 'Milliseconds';
const PERCENT = 'Percent';

/** Amazon RDS and Aurora metrics (AWS/RDS) whose raw numbers read badly: sizes, latencies, lags. */
const RDS_UNITS: Record<string, MetricUnit> = {
  FreeStorageSpace: BYTES,
  FreeLocalStorage: BYTES,
  FreeableMemory: BYTES,
  SwapUsage: BYTES,
  VolumeBytesUsed: BYTES,
  AuroraVolumeBytesLeftTotal: BYTES,
  BinLogDiskUsage: BYTES,
  TransactionLogsDiskUsage: BYTES,
  ReplicationSlotDiskUsage: BYTES,
  OldestReplicationSlotLag: BYTES,
  TempStorageIops: 'Count/Second',
  ReadThroughput: 'Bytes/Second',
  WriteThroughput: 'Bytes/Second',
  NetworkReceiveThroughput: 'Bytes/Second',
  NetworkTransmitThroughput: 'Bytes/Second',
  NetworkThroughput: 'Bytes/Second',
  TransactionLogsGeneration: 'Bytes/Second',
  ReadLatency: SECONDS,
  WriteLatency: SECONDS,
  ReplicaLag: SECONDS,
  AuroraBinlogReplicaLag: SECONDS,
  AuroraReplicaLag: MILLISECONDS,
  AuroraReplicaLagMaximum: MILLISECONDS,
  AuroraReplicaLagMinimum: MILLISECONDS,
  CommitLatency: MILLISECONDS,
  DDLLatency: MILLISECONDS,
  DMLLatency: MILLISECONDS,
  DeleteLatency: MILLISECONDS,
  InsertLatency: MILLISECONDS,
  SelectLatency: MILLISECONDS,
  UpdateLatency: MILLISECONDS,
  CPUUtilization: PERCENT,
  BurstBalance: PERCENT,
  ACUUtilization: PERCENT,
  DatabaseConnections: 'Count',
  ReadIOPS: 'Count/Second',
  WriteIOPS: 'Count/Second',
};

/** A few metrics of other services that alarms commonly watch next to a database. */
const OTHER_UNITS: Record<string, Record<string, MetricUnit>> = {
  'AWS/EC2': { CPUUtilization: PERCENT },
  'AWS/ApplicationELB': { TargetResponseTime: SECONDS },
  'AWS/ELB': { Latency: SECONDS },
  'AWS/Lambda': { Duration: MILLISECONDS },
  'AWS/SQS': { ApproximateAgeOfOldestMessage: SECONDS },
};

const UNITS = new Set<string>([
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Bytes/Second',
  'Seconds',
  'Milliseconds',
  'Microseconds',
  'Percent',
  'Count',
  'Count/Second',
]);

/**
 * The unit of a metric: the one the alarm declares when it declares one warroom knows, else the
 * one AWS documents for the metric, else undefined (the number is then shown as AWS sent it).
 */
export function metricUnit(
  namespace: string | undefined,
  name: string | undefined,
  declared?: string | null,
): MetricUnit | undefined {
  if (declared && UNITS.has(declared)) return declared as MetricUnit;
  if (!name) return undefined;
  // Older alarm messages may leave out the namespace; warroom's alarms are mostly RDS ones.
  if (namespace === undefined || namespace === 'AWS/RDS') return RDS_UNITS[name];
  return OTHER_UNITS[namespace]?.[name];
}

/** The unit of what an alarm compares with its threshold: its one metric, or the math entry it returns. */
export function alarmMetricUnit(metric: AlarmMetric): MetricUnit | undefined {
  if (metric.unit) return metricUnit(undefined, undefined, metric.unit);
  if (metric.kind === 'single') return metricUnit(metric.namespace, metric.name);
  const evaluated = metric.queries.find((query) => query.returnData === true) ?? metric.queries[0];
  // An expression's result has no unit CloudWatch could tell us.
  if (!evaluated?.metric || evaluated.expression) return undefined;
  return metricUnit(evaluated.metric.namespace, evaluated.metric.name);
}

/** At most three significant digits, without trailing zeros: 1, 933, 28.5, 0.91. */
function shortNumber(value: number): string {
  const magnitude = Math.abs(value);
  const decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  return String(Number(value.toFixed(decimals)));
}

const BINARY_STEPS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

function formatBytes(bytes: number): string {
  let value = bytes;
  let step = 0;
  while (Math.abs(value) >= 1024 && step < BINARY_STEPS.length - 1) {
    value /= 1024;
    step += 1;
  }
  return `${shortNumber(value)} ${BINARY_STEPS[step]}`;
}

function formatSeconds(seconds: number): string {
  const magnitude = Math.abs(seconds);
  if (magnitude === 0) return '0 s';
  if (magnitude < 0.001) return `${shortNumber(seconds * 1_000_000)} µs`;
  if (magnitude < 1) return `${shortNumber(seconds * 1000)} ms`;
  if (magnitude < 120) return `${shortNumber(seconds)} s`;
  if (magnitude < 7200) return `${shortNumber(seconds / 60)} min`;
  return `${shortNumber(seconds / 3600)} h`;
}

/**
 * A metric value as people read it: `1 TiB`, `25 ms`, `80 %`, `1,200/s`. Without a unit the
 * number is shown as AWS sent it (no rounding that could hide what crossed a threshold).
 */
export function formatMetricValue(value: number, unit: MetricUnit | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'Bytes':
      return formatBytes(value);
    case 'Kilobytes':
      return formatBytes(value * 1024);
    case 'Megabytes':
      return formatBytes(value * 1024 ** 2);
    case 'Gigabytes':
      return formatBytes(value * 1024 ** 3);
    case 'Bytes/Second':
      return `${formatBytes(value)}/s`;
    case 'Seconds':
      return formatSeconds(value);
    case 'Milliseconds':
      return formatSeconds(value / 1000);
    case 'Microseconds':
      return formatSeconds(value / 1_000_000);
    case 'Percent':
      return `${shortNumber(value)} %`;
    case 'Count':
      return Number.isInteger(value) ? value.toLocaleString('en-US') : shortNumber(value);
    case 'Count/Second':
      return `${Number.isInteger(value) ? value.toLocaleString('en-US') : shortNumber(value)}/s`;
    case undefined:
      return String(value);
  }
}
