import type { Incident } from '../../src/incidents/incident.ts';

/** An open incident about orders-db, for tests to adjust. */
export function openIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    seq: 7,
    groupKey: 'rds-instance:123456789012:us-east-1:orders-db',
    title: 'CPUUtilization > 80 on orders-db',
    impact: 3,
    impactSetBy: 'signal',
    status: 'open',
    source: 'cloudwatch-alarm',
    resource: {
      kind: 'rds-instance',
      id: 'orders-db',
      region: 'us-east-1',
      accountId: '123456789012',
      arn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
    },
    accountId: '123456789012',
    region: 'us-east-1',
    openedAt: new Date('2026-11-22T09:00:00Z'),
    updatedAt: new Date('2026-11-22T09:00:00Z'),
    latestSignal: {
      signalType: 'cloudwatch-alarm:ALARM',
      title: 'CPU high',
      detail: '',
      at: new Date('2026-11-22T09:00:00Z'),
      facts: [],
    },
    signalCount: 1,
    version: 1,
    ...overrides,
  };
}
