import { describe, expect, it } from 'vitest';
import { setImpactStart } from '../../src/incidents/impact-start.ts';
import type { Incident } from '../../src/incidents/incident.ts';
import { durationsLine, lifecycleDurations } from '../../src/incidents/lifecycle.ts';
import { recordLifecycleMetrics } from '../../src/incidents/lifecycle-metrics.ts';
import { buildLifecycleTimes } from '../../src/incidents/lifecycle-times.ts';
import { acknowledge, reopen, resolve } from '../../src/incidents/transitions.ts';
import { Metrics } from '../../src/metrics.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const alice = { userId: 'U0ALICE' };
const opened = new Date('2026-12-06T23:20:00Z');

function changedIncident(result: ReturnType<typeof acknowledge>): Incident {
  if (result.kind !== 'changed') throw new Error(`expected a change: ${result.message}`);
  return result.incident;
}

/** Detected 23:20 on the 6th, impact from 23:10, acknowledged 23:32, resolved 09:40 on the 8th. */
function twoDayIncident(): Incident {
  const start = { ...openIncident(), openedAt: opened, impactStartedAt: new Date('2026-12-06T23:10:00Z') };
  const acked = changedIncident(acknowledge(start, alice, new Date('2026-12-06T23:32:00Z')));
  return changedIncident(resolve(acked, 'failed over', alice, new Date('2026-12-08T09:40:00Z')));
}

describe('lifecycle durations', () => {
  it('times acknowledge and resolve from detection and the impact from its start, whole days kept', () => {
    const incident = twoDayIncident();
    expect(lifecycleDurations(incident)).toEqual({
      toAcknowledge: 12 * 60_000,
      toMitigate: undefined,
      toResolve: (34 * 60 + 20) * 60_000,
      impact: (34 * 60 + 30) * 60_000,
    });
    expect(durationsLine(incident)).toBe(
      'Acknowledged in 12 min · resolved in 1 d 10 h · impact lasted 1 d 10 h',
    );
  });

  it('shows nothing before anyone acknowledges, and no resolve time while reopened', () => {
    expect(durationsLine(openIncident())).toBeUndefined();
    const reopened = changedIncident(
      reopen(twoDayIncident(), 'errors again', alice, new Date('2026-12-08T10:00:00Z')),
    );
    expect(lifecycleDurations(reopened)).toMatchObject({ toResolve: undefined, impact: undefined });
    expect(durationsLine(reopened)).toBe('Acknowledged in 12 min');
  });

  it('counts the reopened time in when it is resolved again', () => {
    const reopened = changedIncident(
      reopen(twoDayIncident(), 'errors again', alice, new Date('2026-12-08T10:00:00Z')),
    );
    const again = changedIncident(
      resolve(reopened, 'fixed the pool', alice, new Date('2026-12-08T11:20:00Z')),
    );
    expect(lifecycleDurations(again).toResolve).toBe(36 * 60 * 60_000);
    expect(again.resolutions).toHaveLength(1);
    expect(again.resolutions?.[0]).toMatchObject({ summary: 'failed over', reason: 'errors again' });
  });
});

describe('setImpactStart', () => {
  const now = new Date('2026-12-07T10:00:00Z');

  it('moves the impact start earlier and says from what to what', () => {
    const result = setImpactStart(twoDayIncident(), new Date('2026-12-06T22:55:00Z'), alice, now);
    expect(result.kind === 'changed' && result.incident).toMatchObject({
      impactStartedAt: new Date('2026-12-06T22:55:00Z'),
      impactStartSetBy: 'U0ALICE',
    });
    expect(result.kind === 'changed' && result.entry).toMatchObject({
      from: '2026-12-06 23:10 UTC',
      to: '2026-12-06 22:55 UTC',
    });
  });

  it('refuses a start after detection, which would make a duration negative, with the reason', () => {
    const result = setImpactStart(twoDayIncident(), new Date('2026-12-06T23:40:00Z'), alice, now);
    expect(result).toEqual({
      kind: 'unchanged',
      code: 'TIME_OUT_OF_ORDER',
      message:
        'INC-7 was detected at 2026-12-06 23:20 UTC, 20 min before 2026-12-06 23:40 UTC: impact cannot start after it was detected, or its durations would be negative. Nothing changed.',
    });
  });

  it('refuses a start in the future', () => {
    const result = setImpactStart(twoDayIncident(), new Date('2026-12-07T10:05:00Z'), alice, now);
    expect(result).toMatchObject({ kind: 'unchanged', code: 'TIME_IN_FUTURE' });
  });
});

describe('lifecycle metrics', () => {
  it('observes the first acknowledgement and the first resolve, by impact, in seconds', async () => {
    const metrics = new Metrics();
    const incident = twoDayIncident();
    const acked = { ...incident, status: 'acknowledged' as const, resolvedAt: undefined };
    recordLifecycleMetrics(metrics, { ...incident, acknowledgedAt: undefined, status: 'open' }, acked);
    recordLifecycleMetrics(metrics, acked, incident);
    const reopened = changedIncident(reopen(incident, 'again', alice, new Date('2026-12-08T10:00:00Z')));
    const again = changedIncident(resolve(reopened, 'done', alice, new Date('2026-12-08T11:00:00Z')));
    recordLifecycleMetrics(metrics, reopened, again);
    const text = await metrics.registry.metrics();
    expect(text).toContain('warroom_time_to_acknowledge_seconds_sum{impact="3"} 720');
    expect(text).toContain('warroom_time_to_acknowledge_seconds_count{impact="3"} 1');
    expect(text).toContain(`warroom_time_to_resolve_seconds_sum{impact="3"} ${(34 * 60 + 20) * 60}`);
    expect(text).toContain('warroom_time_to_resolve_seconds_count{impact="3"} 1');
  });
});

describe('buildLifecycleTimes', () => {
  it('names who declared a declared incident, and says where its impact start came from', () => {
    const declared = openIncident({
      source: 'declared',
      declaredBy: 'U0CAROL',
      openedAt: new Date('2026-12-07T08:00:00Z'),
    });
    const { text } = buildLifecycleTimes(declared);
    expect(text).toContain('Impact started: 2026-12-07 08:00 UTC (when it was opened)');
    expect(text).toContain('Declared: 2026-12-07 08:00 UTC by <@U0CAROL>');
    expect(text).toContain('*No durations yet: nobody has acknowledged or resolved it.*');
  });
});
