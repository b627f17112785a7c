import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/signals/alert.ts';
import { groupKeyFor, withTopicLocation } from '../../src/signals/group-key.ts';

function alert(overrides: Partial<Alert>): Alert {
  return {
    source: 'cloudwatch-alarm',
    signalType: 'cloudwatch-alarm:ALARM',
    title: 't',
    detail: 'd',
    occurredAt: new Date('2026-11-22T09:00:00Z'),
    facts: [],
    ...overrides,
  };
}

describe('groupKeyFor', () => {
  it('groups an alarm and an RDS event about the same DB instance under one key', () => {
    const resource = {
      kind: 'rds-instance' as const,
      id: 'orders-db',
      region: 'us-east-1',
      accountId: '123456789012',
    };
    const fromAlarm = alert({
      resource,
      correlation: { kind: 'alarm', value: 'arn:aws:cloudwatch:…:alarm:cpu' },
    });
    const fromEvent = alert({ source: 'rds-event', resource });
    expect(groupKeyFor(fromAlarm)).toBe('rds-instance:123456789012:us-east-1:orders-db');
    expect(groupKeyFor(fromEvent)).toBe(groupKeyFor(fromAlarm));
  });

  it('keeps the same DB name in two accounts apart', () => {
    const a = alert({
      resource: { kind: 'rds-instance', id: 'orders-db', region: 'us-east-1', accountId: '111111111111' },
    });
    const b = alert({
      resource: { kind: 'rds-instance', id: 'orders-db', region: 'us-east-1', accountId: '222222222222' },
    });
    expect(groupKeyFor(a)).not.toBe(groupKeyFor(b));
  });

  it('falls back to the alarm, then Incident Manager, then the chatbot thread', () => {
    expect(groupKeyFor(alert({ correlation: { kind: 'alarm', value: 'arn:a' } }))).toBe('alarm:arn:a');
    expect(
      groupKeyFor(
        alert({ incidentManagerArn: 'arn:im', correlation: { kind: 'incident-manager', value: 'arn:im' } }),
      ),
    ).toBe('incident-manager:arn:im');
    expect(groupKeyFor(alert({ correlation: { kind: 'chatbot-thread', value: 'th-1' } }))).toBe(
      'chatbot-thread:th-1',
    );
  });
});

describe('withTopicLocation', () => {
  it('fills account and region from the topic only where the message did not say', () => {
    const topic = 'arn:aws:sns:eu-west-1:123456789012:rds-events';
    const bare = withTopicLocation(alert({ resource: { kind: 'rds-instance', id: 'db1' } }), topic);
    expect(bare.resource).toMatchObject({ region: 'eu-west-1', accountId: '123456789012' });
    const own = withTopicLocation(
      alert({
        resource: { kind: 'rds-instance', id: 'db1', region: 'us-east-2', accountId: '999999999999' },
      }),
      topic,
    );
    expect(own.resource).toMatchObject({ region: 'us-east-2', accountId: '999999999999' });
  });
});
