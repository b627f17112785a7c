import { describe, expect, it } from 'vitest';
import { type ApplyAlertInput, applyAlert } from '../../src/incidents/apply-alert.ts';
import type { Impact } from '../../src/incidents/impact.ts';
import type { Incident } from '../../src/incidents/incident.ts';
import { MAX_OPEN_SIGNALS, severestOpenSignal } from '../../src/incidents/open-signals.ts';
import type { Alert } from '../../src/signals/alert.ts';

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

  describe('open signals', () => {
    const alarm = (name: string, at: string, state = 'ALARM') =>
      alertOf({
        signalType: `cloudwatch-alarm:${state}`,
        title: `${name} on orders-db`,
        occurredAt: new Date(at),
        correlation: { kind: 'alarm', value: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}` },
      });

    function apply(
      open: Incident,
      alert: Alert,
      effect: 'open' | 'annotate' | 'recover',
      impact: Impact = 3,
    ) {
      const change = applyAlert(input({ open, alert, decision: { effect, impact } }));
      if (change.kind !== 'updated') throw new Error(`expected updated, got ${change.kind}`);
      return change.incident;
    }

    it('keeps an earlier, more severe signal as the most severe while later ones are the latest', () => {
      const first = opened();
      const forecast = apply(
        first,
        alertOf({
          source: 'chatbot',
          signalType: 'chatbot:custom',
          title: 'volume full in ~6 h',
          occurredAt: new Date('2026-11-22T09:06:00Z'),
        }),
        'open',
        2,
      );
      const later = apply(forecast, alarm('cpu-high', '2026-11-22T09:08:00Z'), 'open', 3);
      expect(later.latestSignal.title).toBe('cpu-high on orders-db');
      expect(severestOpenSignal(later)).toMatchObject({ title: 'volume full in ~6 h', impact: 2 });
    });

    it('keeps the first to arrive of equally severe signals, whatever time AWS gives them', () => {
      const first = apply(opened(), alarm('cpu-high', '2026-11-22T09:03:00Z'), 'open', 3);
      const second = apply(first, alarm('storage-low', '2026-11-22T09:01:00Z'), 'open', 3);
      expect(second.openSignals?.map((signal) => signal.title)).toContain('storage-low on orders-db');
      expect(severestOpenSignal(second)?.title).toBe('CPUUtilization > 80 on orders-db');
    });

    it('closes a signal when its own alarm recovers, and then shows the next most severe', () => {
      const withAlarms = apply(
        apply(opened(), alarm('storage-low', '2026-11-22T09:05:00Z'), 'open', 2),
        alarm('cpu-high', '2026-11-22T09:06:00Z'),
        'open',
        3,
      );
      expect(severestOpenSignal(withAlarms)?.title).toBe('storage-low on orders-db');
      const recovered = apply(withAlarms, alarm('storage-low', '2026-11-22T09:09:00Z', 'OK'), 'recover');
      expect(recovered.openSignals?.some((signal) => signal.title === 'storage-low on orders-db')).toBe(
        false,
      );
      expect(severestOpenSignal(recovered)?.title).not.toBe('storage-low on orders-db');
      expect(recovered.latestSignal).toMatchObject({ signalType: 'cloudwatch-alarm:OK' });
      expect(recovered.latestSignal.impact).toBeUndefined();
    });

    it('leaves the open signals alone on an annotation and replaces a signal that fires again', () => {
      const first = apply(opened(), alarm('cpu-high', '2026-11-22T09:05:00Z'), 'open', 3);
      const annotated = apply(
        first,
        alertOf({ signalType: 'rds-event:backup', title: 'Backing up' }),
        'annotate',
      );
      expect(annotated.openSignals).toEqual(first.openSignals);
      const again = apply(annotated, alarm('cpu-high', '2026-11-22T09:07:00Z'), 'open', 3);
      expect(again.openSignals?.filter((signal) => signal.title === 'cpu-high on orders-db')).toHaveLength(1);
      expect(
        again.openSignals?.find((signal) => signal.title === 'cpu-high on orders-db')?.at.toISOString(),
      ).toBe('2026-11-22T09:07:00.000Z');
    });

    it('keeps at most a bounded number of open signals, the most severe among them', () => {
      let incident = apply(opened(), alarm('critical', '2026-11-22T09:05:00Z'), 'open', 1);
      for (let i = 0; i < MAX_OPEN_SIGNALS + 5; i++)
        incident = apply(incident, alarm(`alarm-${i}`, `2026-11-22T09:${10 + i}:00Z`), 'open', 4);
      expect(incident.openSignals).toHaveLength(MAX_OPEN_SIGNALS);
      expect(severestOpenSignal(incident)?.title).toBe('critical on orders-db');
    });
  });
});
