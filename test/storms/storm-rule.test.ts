import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import type { Incident } from '../../src/incidents/index.ts';
import type { Alert } from '../../src/signals/index.ts';
import { decideStorm, stormKeyFor } from '../../src/storms/index.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const KEY = '123456789012:us-east-1:metric:AWS/RDS/CPUUtilization';
const RULE = { enabled: true, threshold: 5, windowMs: 120_000 };

function member(seq: number, db: string, openedAt: Date, overrides: Partial<Incident> = {}): Incident {
  return openIncident({
    seq,
    groupKey: `rds-instance:123456789012:us-east-1:${db}`,
    resource: { kind: 'rds-instance', id: db, region: 'us-east-1', accountId: '123456789012' },
    openedAt,
    stormKey: KEY,
    ...overrides,
  });
}

function alarm(overrides: Partial<Alert> = {}): Alert {
  return {
    source: 'cloudwatch-alarm',
    signalType: 'cloudwatch-alarm:ALARM',
    title: 'CPU high',
    detail: '',
    occurredAt: new Date('2026-11-22T09:00:00Z'),
    facts: [],
    resource: { kind: 'rds-instance', id: 'db-1', region: 'us-east-1', accountId: '123456789012' },
    metric: {
      kind: 'single',
      namespace: 'AWS/RDS',
      name: 'CPUUtilization',
      dimensions: [{ name: 'DBInstanceIdentifier', value: 'db-1' }],
      stat: 'Average',
      period: 60,
    },
    ...overrides,
  };
}

describe('stormKeyFor', () => {
  it('keys an alarm by account, Region and metric, not by its dimensions', () => {
    expect(stormKeyFor(alarm())).toBe(KEY);
  });

  it('keys RDS events by category and CloudTrail by action', () => {
    const rds = alarm({ source: 'rds-event', signalType: 'rds-event:failover', metric: undefined });
    const trail = alarm({
      source: 'cloudtrail',
      signalType: 'cloudtrail:DeleteDBInstance',
      metric: undefined,
    });
    expect(stormKeyFor(rds)).toBe('123456789012:us-east-1:rds-event:failover');
    expect(stormKeyFor(trail)).toBe('123456789012:us-east-1:cloudtrail:DeleteDBInstance');
  });

  it('gives no key to a signal that names no account or Region', () => {
    expect(stormKeyFor(alarm({ resource: { kind: 'rds-instance', id: 'db-1' } }))).toBeUndefined();
  });
});

describe('decideStorm', () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  const at = (seconds: number) => new Date(clock.now().getTime() + seconds * 1000);

  it('forms a storm when the fifth distinct database alarms within two minutes', () => {
    const open = [1, 2, 3, 4].map((n) => member(n, `db-${n}`, at(n * 10)));
    const fifth = member(5, 'db-5', at(60));
    const decision = decideStorm(fifth, [...open, fifth], RULE, at(60));
    expect(decision.kind).toBe('form');
    expect(decision.kind === 'form' && decision.members.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('forms none with four databases, or when the first opened more than the window ago', () => {
    const four = [1, 2, 3].map((n) => member(n, `db-${n}`, at(0)));
    const fourth = member(4, 'db-4', at(10));
    expect(decideStorm(fourth, [...four, fourth], RULE, at(10)).kind).toBe('none');
    const old = member(1, 'db-1', at(0));
    const recent = [2, 3, 4].map((n) => member(n, `db-${n}`, at(100)));
    const fifth = member(5, 'db-5', at(121));
    expect(decideStorm(fifth, [old, ...recent, fifth], RULE, at(121)).kind).toBe('none');
  });

  it('counts resources, not incidents, and only the same kind of signal', () => {
    const sameDb = [1, 2, 3, 4].map((n) => member(n, 'db-1', at(n)));
    const other = member(6, 'db-6', at(5), { stormKey: `${KEY}x` });
    const fifth = member(5, 'db-5', at(6));
    expect(decideStorm(fifth, [...sameDb, other, fifth], RULE, at(6)).kind).toBe('none');
  });

  it('joins the open storm with the same key', () => {
    const storm = openIncident({ seq: 9, storm: { key: KEY, what: 'CPUUtilization alarm', members: [1] } });
    const next = member(10, 'db-10', at(300));
    const decision = decideStorm(next, [storm, next], RULE, at(300));
    expect(decision).toEqual({ kind: 'join', storm });
  });

  it('never storms when storms are turned off', () => {
    const open = [1, 2, 3, 4, 5].map((n) => member(n, `db-${n}`, at(n)));
    expect(decideStorm(open[4] as Incident, open, { ...RULE, enabled: false }, at(6)).kind).toBe('none');
  });
});
