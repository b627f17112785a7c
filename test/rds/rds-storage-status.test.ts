import { describe, expect, it } from 'vitest';
import type { DbClusterFacts, DbInstanceFacts } from '../../src/rds/rds-facts.ts';
import { buildClusterStatusReply, buildInstanceStatusReply } from '../../src/rds/rds-status-text.ts';
import {
  GiB,
  type StorageFinding,
  type StorageMetric,
  type StorageReading,
  storageMetricsOfCluster,
  storageMetricsOfInstance,
  TiB,
} from '../../src/rds/storage-metrics.ts';

const AT = new Date('2026-11-22T09:59:00Z');
const value = (bytes: number): StorageReading => ({ kind: 'value', bytes, at: AT });
const NO_DATA: StorageReading = { kind: 'no-datapoints' };
const DENIED: StorageReading = {
  kind: 'not-read',
  reason: "warroom's role lacks `cloudwatch:GetMetricData`",
};

const instance: DbInstanceFacts = {
  id: 'orders-db',
  engine: 'postgres',
  engineVersion: '16.4',
  instanceClass: 'db.r6g.large',
  status: 'available',
  multiAZ: true,
  publiclyAccessible: false,
  storageEncrypted: true,
  backupRetentionDays: 7,
  deletionProtection: true,
  iamAuth: false,
  allocatedStorageGiB: 400,
  storageType: 'gp3',
};
const auroraMember: DbInstanceFacts = {
  ...instance,
  id: 'payments-aurora-1',
  engine: 'aurora-postgresql',
  clusterId: 'payments-aurora',
  allocatedStorageGiB: 1,
};
const cluster: DbClusterFacts = {
  id: 'payments-aurora',
  engine: 'aurora-postgresql',
  engineVersion: '16.4',
  status: 'available',
  multiAZ: true,
  storageEncrypted: true,
  backupRetentionDays: 14,
  deletionProtection: true,
  iamAuth: false,
  members: [
    { instanceId: 'payments-aurora-1', writer: true },
    { instanceId: 'payments-aurora-2', writer: false },
  ],
};

/** Pairs each metric warroom would read with a reading, in order. */
const findingsFor = (metrics: StorageMetric[], readings: StorageReading[]): StorageFinding[] =>
  metrics.map((metric, index) => ({ metric, reading: readings[index] ?? NO_DATA }));

const lines = (text: string) => text.split('\n');
const instanceText = (readings: StorageReading[], facts = instance) =>
  buildInstanceStatusReply(7, facts, [], findingsFor(storageMetricsOfInstance(facts), readings)).text;
const clusterText = (readings: StorageReading[], facts = cluster) =>
  buildClusterStatusReply(7, facts, [], findingsFor(storageMetricsOfCluster(facts), readings)).text;

describe('which storage metrics a status reads', () => {
  it('reads FreeStorageSpace for an RDS instance, the volume and local storage for Aurora', () => {
    expect(storageMetricsOfInstance(instance)).toEqual([
      { name: 'FreeStorageSpace', subject: { kind: 'instance', id: 'orders-db' } },
    ]);
    expect(storageMetricsOfInstance(auroraMember)).toEqual([
      { name: 'AuroraVolumeBytesLeftTotal', subject: { kind: 'cluster', id: 'payments-aurora' } },
      { name: 'FreeLocalStorage', subject: { kind: 'instance', id: 'payments-aurora-1' } },
    ]);
    expect(storageMetricsOfCluster(cluster).map((metric) => `${metric.name} ${metric.subject.id}`)).toEqual([
      'AuroraVolumeBytesLeftTotal payments-aurora',
      'FreeLocalStorage payments-aurora-1',
      'FreeLocalStorage payments-aurora-2',
    ]);
    expect(storageMetricsOfCluster({ ...cluster, engine: 'postgres' }).map((metric) => metric.name)).toEqual([
      'FreeStorageSpace',
      'FreeStorageSpace',
    ]);
  });
});

describe('/incident rds status: free storage of an instance', () => {
  it('shows free space against the allocated size, ✗ under 10 % free', () => {
    expect(lines(instanceText([value(12.3 * GiB)]))).toContain(
      '• Storage: ✗ 12.3 GiB free of 400 GiB (3 %, under 10 %), gp3',
    );
  });

  it('marks ⚠ under 20 % and nothing above, rounding the percent down', () => {
    expect(instanceText([value(79.9 * GiB)])).toContain(
      '• Storage: ⚠ 79.9 GiB free of 400 GiB (19 %, under 20 %), gp3',
    );
    expect(instanceText([value(300 * GiB)])).toContain('• Storage: 300.0 GiB free of 400 GiB (75 %), gp3');
    expect(instanceText([value(1.5 * GiB)])).toContain('(0.3 %, under 10 %)');
  });

  it('says there were no datapoints rather than a number', () => {
    expect(lines(instanceText([NO_DATA]))).toContain(
      '• Storage: 400 GiB allocated (gp3); free space not known: no datapoints in the last 15 minutes',
    );
  });

  it('says why when the read failed, and keeps the rest of the status', () => {
    const text = instanceText([DENIED]);
    expect(lines(text)).toContain(
      "• Storage: 400 GiB allocated (gp3); free space not known: warroom's role lacks `cloudwatch:GetMetricData`",
    );
    expect(text).toContain('• Engine: postgres 16.4 · Class: db.r6g.large');
    expect(text).toContain('• Pending maintenance: none');
  });

  it('shows the cluster volume and the local storage of an Aurora member, not its AllocatedStorage', () => {
    const text = instanceText([value(900 * GiB), value(18.25 * GiB)], auroraMember);
    expect(text).not.toContain('allocated');
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        '• Cluster volume of `payments-aurora`: ✗ 900.0 GiB left before its size limit (under 1 TiB)',
        '• Local storage (temporary tables, logs): 18.3 GiB free',
      ]),
    );
  });
});

describe('/incident rds status: storage of a cluster', () => {
  it('shows what is left in the Aurora volume and each member’s local storage', () => {
    const text = clusterText([value(5 * TiB), value(20 * GiB), NO_DATA]);
    const storage = lines(text).slice(lines(text).findIndex((line) => line.startsWith('• Members:')) + 1);
    expect(storage.slice(0, 2)).toEqual([
      '• Cluster volume: ⚠ 5.0 TiB left before its size limit (under 10 TiB)',
      '• Local storage (temporary tables, logs): `payments-aurora-1` 20.0 GiB free, `payments-aurora-2` no datapoints in the last 15 minutes',
    ]);
    expect(clusterText([value(100 * TiB)])).toContain(
      '• Cluster volume: 100.0 TiB left before its size limit\n',
    );
  });

  it('says no datapoints for the volume, and one reason when the whole read failed', () => {
    expect(clusterText([NO_DATA])).toContain(
      '• Cluster volume: space left not known: no datapoints in the last 15 minutes',
    );
    const denied = clusterText([DENIED, DENIED, DENIED]);
    expect(denied).toContain(
      "• Cluster volume: space left not known: warroom's role lacks `cloudwatch:GetMetricData`",
    );
    expect(denied).toContain(
      "• Local storage (temporary tables, logs): not known: warroom's role lacks `cloudwatch:GetMetricData`",
    );
    expect(denied).toContain('• Members: `payments-aurora-1` (writer), `payments-aurora-2` (reader)');
  });

  it('shows each member’s free space in a Multi-AZ DB cluster (not Aurora)', () => {
    const multiAz = { ...cluster, engine: 'postgres' };
    expect(clusterText([value(50 * GiB), value(49 * GiB)], multiAz)).toContain(
      '• Free storage: `payments-aurora-1` 50.0 GiB free, `payments-aurora-2` 49.0 GiB free',
    );
  });

  it('adds no storage lines when CloudWatch is not read at all', () => {
    expect(buildClusterStatusReply(7, cluster, []).text).not.toMatch(/storage|volume/i);
  });
});
