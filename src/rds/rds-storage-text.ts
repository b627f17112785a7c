import { escapeMrkdwn } from '../slack/mrkdwn.ts';
import type { DbInstanceFacts } from './rds-facts.ts';
import {
  GiB,
  INSTANCE_FREE_PERCENT,
  instanceSeverity,
  isAurora,
  STORAGE_WINDOW_MINUTES,
  type StorageFinding,
  type StorageReading,
  type StorageSeverity,
  TiB,
  VOLUME_LEFT_BYTES,
  volumeSeverity,
} from './storage-metrics.ts';

const code = (text: string) => `\`${escapeMrkdwn(text).replace(/`/g, "'")}\``;
const MARK: Record<StorageSeverity, string> = { ok: '', warning: '⚠ ', critical: '✗ ' };

/** Bytes in GiB below 1 TiB, else TiB, one decimal: a measured value, never rounded to look whole. */
export function formatBytes(bytes: number): string {
  return bytes < TiB ? `${(bytes / GiB).toFixed(1)} GiB` : `${(bytes / TiB).toFixed(1)} TiB`;
}

/** Rounded down, so a value under a threshold never shows as the threshold itself. */
function formatPercent(percent: number): string {
  return percent >= 1 ? `${Math.floor(percent)} %` : `${(Math.floor(percent * 10) / 10).toFixed(1)} %`;
}

/** Why a reading has no value, after "not known: ". */
function missingText(reading: Exclude<StorageReading, { kind: 'value' }>): string {
  return reading.kind === 'no-datapoints'
    ? `no datapoints in the last ${STORAGE_WINDOW_MINUTES} minutes`
    : reading.reason;
}

function instanceFreeLine(instance: DbInstanceFacts, reading: StorageReading | undefined): string {
  const allocated = instance.allocatedStorageGiB;
  const type = instance.storageType ? escapeMrkdwn(instance.storageType) : undefined;
  const size =
    allocated === undefined
      ? 'allocated size not known'
      : `${allocated} GiB allocated${type ? ` (${type})` : ''}`;
  if (!reading) return `• Storage: ${size}; free space not known (CloudWatch is not read here)`;
  if (reading.kind !== 'value') return `• Storage: ${size}; free space not known: ${missingText(reading)}`;
  if (allocated === undefined || allocated <= 0)
    return `• Storage: ${formatBytes(reading.bytes)} free; allocated size not known`;
  const severity = instanceSeverity(reading.bytes, allocated);
  const percent = formatPercent((reading.bytes / (allocated * GiB)) * 100);
  const under = severity === 'ok' ? '' : `, under ${INSTANCE_FREE_PERCENT[severity]} %`;
  return `• Storage: ${MARK[severity]}${formatBytes(reading.bytes)} free of ${allocated} GiB (${percent}${under})${type ? `, ${type}` : ''}`;
}

function volumeLine(finding: StorageFinding, named: boolean): string {
  const label = named ? `Cluster volume of ${code(finding.metric.subject.id)}` : 'Cluster volume';
  const { reading } = finding;
  if (reading.kind !== 'value') return `• ${label}: space left not known: ${missingText(reading)}`;
  const severity = volumeSeverity(reading.bytes);
  const under = severity === 'ok' ? '' : ` (under ${VOLUME_LEFT_BYTES[severity] / TiB} TiB)`;
  return `• ${label}: ${MARK[severity]}${formatBytes(reading.bytes)} left before its size limit${under}`;
}

function readingText(reading: StorageReading): string {
  return reading.kind === 'value' ? `${formatBytes(reading.bytes)} free` : missingText(reading);
}

/** One line for several instances' readings; one reason when the call failed for all of them. */
function membersLine(label: string, findings: readonly StorageFinding[], withIds: boolean): string[] {
  if (findings.length === 0) return [];
  const [first] = findings;
  const reason = first?.reading.kind === 'not-read' ? first.reading.reason : undefined;
  if (reason && findings.every((f) => f.reading.kind === 'not-read' && f.reading.reason === reason))
    return [`• ${label}: not known: ${reason}`];
  const parts = findings.map((finding) =>
    withIds
      ? `${code(finding.metric.subject.id)} ${readingText(finding.reading)}`
      : readingText(finding.reading),
  );
  return [`• ${label}: ${parts.join(', ')}`];
}

const LOCAL_STORAGE = 'Local storage (temporary tables, logs)';

/**
 * The storage lines of `/incident rds status` for an instance: free space against the allocated
 * size, ✗ under 10 % and ⚠ under 20 %; for an Aurora member, its cluster's volume and its own local
 * storage instead (Aurora's AllocatedStorage says nothing). `findings` undefined: not read at all.
 */
export function instanceStorageLines(
  instance: DbInstanceFacts,
  findings: readonly StorageFinding[] | undefined,
): string[] {
  if (!isAurora(instance.engine) || !findings)
    return [instanceFreeLine(instance, findings?.find((f) => f.metric.name === 'FreeStorageSpace')?.reading)];
  return [
    ...findings.filter((f) => f.metric.name === 'AuroraVolumeBytesLeftTotal').map((f) => volumeLine(f, true)),
    ...membersLine(
      LOCAL_STORAGE,
      findings.filter((f) => f.metric.name === 'FreeLocalStorage'),
      false,
    ),
  ];
}

/**
 * The storage lines for a cluster: an Aurora volume's space left (✗ under 1 TiB, ⚠ under 10 TiB)
 * and each member's local storage, or each member's free space in a Multi-AZ DB cluster.
 */
export function clusterStorageLines(findings: readonly StorageFinding[] | undefined): string[] {
  if (!findings) return [];
  return [
    ...findings
      .filter((f) => f.metric.name === 'AuroraVolumeBytesLeftTotal')
      .map((f) => volumeLine(f, false)),
    ...membersLine(
      LOCAL_STORAGE,
      findings.filter((f) => f.metric.name === 'FreeLocalStorage'),
      true,
    ),
    ...membersLine(
      'Free storage',
      findings.filter((f) => f.metric.name === 'FreeStorageSpace'),
      true,
    ),
  ];
}
