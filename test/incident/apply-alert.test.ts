import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/incident/alert.ts';
import { type ApplyAlertInput, applyAlert } from '../../src/incident/apply-alert.ts';
import type { Incident } from '../../src/incident/incident.ts';

const now = new Date('2026-11-22T09:05:00Z');

function alertOf(overrides: Partial<Alert> = {}): Alert {
  return {
    source: 'cloudwatch-alarm',
    signalType: 'cloudwatch-alarm:ALARM',
    title: 'CPUUtilization > 80 on orders-db',
    detail: 'Threshold crossed',
    occurredAt: new Date('2026-11-22T09:04:00Z'),
    resource: { kind: 'rds-instance', id: 'orders-db', region: 'us-east-1', accountId: '123456789012' },
    facts: [{ label: 'Metric', value: 'CPUUtilization' }],
    ...overrides,
  };
}

function input(overrides: Partial<ApplyAlertInput>): ApplyAlertInput {
  return {
    open: undefined,
    alert: alertOf(),
    decision: { effect: 'open', impact: 3 },
    groupKey: 'rds-instance:123456789012:us-east-1:orders-db',
    messageId: 'm-1',
    now,
    ...overrides,
  };
}

function opened(): Incident {
  const change = applyAlert(input({}));
  if (change.kind !== 'opened') throw new Error('expected opened');
  return { ...change.incident, seq: 7 };
}

describe('applyAlert', () => {
  it('opens an incident from an opening signal with one timeline entry', () => {
    const change = applyAlert(input({}));
    expect(change.kind).toBe('opened');
    if (change.kind !== 'opened') return;
    expect(change.incident).toMatchObject({
      status: 'open',
      impact: 3,
      signalCount: 1,
      version: 1,
      region: 'us-east-1',
    });
    expect(change.entry).toMatchObject({
      kind: 'opened',
      actor: 'aws:cloudwatch-alarm',
      dedupeKey: 'sns:m-1',
    });
  });

  it('updates the open incident instead of opening another, raising but never lowering the impact', () => {
    const open = opened();
    const worse = applyAlert(input({ open, decision: { effect: 'open', impact: 2 }, messageId: 'm-2' }));
    expect(worse.kind).toBe('updated');
    if (worse.kind !== 'updated') return;
    expect(worse.incident).toMatchObject({ seq: 7, impact: 2, signalCount: 2, version: 2 });
    const milder = applyAlert(
      input({ open: worse.incident, decision: { effect: 'open', impact: 4 }, messageId: 'm-3' }),
    );
    expect(milder.kind === 'updated' && milder.incident.impact).toBe(2);
  });

  it('leaves an impact a person set alone', () => {
    const open: Incident = { ...opened(), impact: 4, impactSetBy: 'person' };
    const change = applyAlert(input({ open, decision: { effect: 'open', impact: 1 } }));
    expect(change.kind === 'updated' && change.incident.impact).toBe(4);
  });

  it('records a recovery on the open incident and clears it when the alarm fires again', () => {
    const ok = alertOf({ signalType: 'cloudwatch-alarm:OK', occurredAt: new Date('2026-11-22T09:10:00Z') });
    const recovered = applyAlert(
      input({ open: opened(), alert: ok, decision: { effect: 'recover', impact: 3 } }),
    );
    expect(recovered.kind).toBe('updated');
    if (recovered.kind !== 'updated') return;
    expect(recovered.incident.recoveredAt?.toISOString()).toBe('2026-11-22T09:10:00.000Z');
    expect(recovered.entry.kind).toBe('recovery');
    const again = applyAlert(input({ open: recovered.incident }));
    expect(again.kind === 'updated' && again.incident.recoveredAt).toBeUndefined();
  });

  it('keeps an annotation or recovery with no open incident unmatched instead of opening one', () => {
    expect(applyAlert(input({ decision: { effect: 'annotate', impact: 3 } })).kind).toBe('unmatched');
    expect(applyAlert(input({ decision: { effect: 'recover', impact: 3 } })).kind).toBe('unmatched');
  });

  it('opens a card for an annotate-or-open signal when nothing is open for its resource', () => {
    const unknown = alertOf({
      source: 'rds-event',
      signalType: 'rds-event:unknown',
      title: 'Unknown RDS event',
    });
    const change = applyAlert(input({ alert: unknown, decision: { effect: 'annotate-or-open', impact: 4 } }));
    expect(change.kind).toBe('opened');
    expect(change.kind === 'opened' && change.incident).toMatchObject({
      impact: 4,
      title: 'Unknown RDS event',
    });
  });

  it('only annotates the open incident for an annotate-or-open signal: impact and recovery stay', () => {
    const ok = alertOf({ signalType: 'cloudwatch-alarm:OK' });
    const recovered = applyAlert(
      input({ open: opened(), alert: ok, decision: { effect: 'recover', impact: 3 } }),
    );
    if (recovered.kind !== 'updated') throw new Error('expected updated');
    const unknown = alertOf({
      source: 'rds-event',
      signalType: 'rds-event:unknown',
      title: 'Unknown RDS event',
    });
    const change = applyAlert(
      input({
        open: recovered.incident,
        alert: unknown,
        decision: { effect: 'annotate-or-open', impact: 1 },
        messageId: 'm-3',
      }),
    );
    expect(change.kind).toBe('updated');
    if (change.kind !== 'updated') return;
    expect(change.entry).toMatchObject({ kind: 'annotation', signalType: 'rds-event:unknown' });
    expect(change.incident.impact).toBe(3);
    expect(change.incident.recoveredAt).toEqual(recovered.incident.recoveredAt);
    expect(change.incident.latestSignal.title).toBe('Unknown RDS event');
  });
});
