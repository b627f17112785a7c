import type { Metrics } from '../metrics.ts';
import type { Incident } from './incident.ts';
import { lifecycleDurations } from './lifecycle.ts';

/**
 * Observes a change's lifecycle durations: the first acknowledgement, and the first resolve only (a
 * histogram cannot take back a sample; `/incident times` has a reopened incident's whole story).
 */
export function recordLifecycleMetrics(
  metrics: Pick<Metrics, 'timeToAcknowledge' | 'timeToResolve'>,
  before: Incident,
  after: Incident,
): void {
  const durations = lifecycleDurations(after);
  const impact = String(after.impact);
  if (!before.acknowledgedAt && durations.toAcknowledge !== undefined)
    metrics.timeToAcknowledge.observe({ impact }, durations.toAcknowledge / 1000);
  const firstResolve = before.status !== 'resolved' && !before.resolutions?.length;
  if (firstResolve && durations.toResolve !== undefined)
    metrics.timeToResolve.observe({ impact }, durations.toResolve / 1000);
}
