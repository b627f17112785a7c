import type { Incident } from '../incidents/index.ts';

/** The `storms:` settings the rule reads (config/storms-schema.ts). */
export interface StormRule {
  enabled: boolean;
  threshold: number;
  windowMs: number;
}

/** What a newly opened incident does: nothing, join the open storm for its key, or form one. */
export type StormDecision =
  | { kind: 'none' }
  | { kind: 'join'; storm: Incident }
  | { kind: 'form'; members: Incident[] };

/**
 * The storm rule, pure: `opened` (just opened, carrying a storm key) joins the open storm with its
 * key; otherwise, when at least `threshold` distinct resources have open incidents with that key
 * that opened within `windowMs` before now (it included) and belong to no storm, they form one.
 * `open` is every open incident; resolved ones never count.
 */
export function decideStorm(
  opened: Incident,
  open: readonly Incident[],
  rule: StormRule,
  now: Date,
): StormDecision {
  const key = opened.stormKey;
  if (!rule.enabled || !key || opened.stormSeq !== undefined || opened.storm) return { kind: 'none' };
  const storm = open.find((incident) => incident.storm?.key === key && incident.status !== 'resolved');
  if (storm) return { kind: 'join', storm };
  const since = now.getTime() - rule.windowMs;
  const byResource = new Map<string, Incident>();
  for (const incident of [...open.filter((i) => i.seq !== opened.seq), opened]) {
    if (incident.stormKey !== key || incident.stormSeq !== undefined || incident.status === 'resolved')
      continue;
    // One a person split out of a storm is never folded into one again.
    if (incident.openedAt.getTime() < since || incident.splitAt) continue;
    const resource = incident.resource?.id ?? incident.groupKey;
    if (!byResource.has(resource)) byResource.set(resource, incident);
  }
  if (byResource.size < rule.threshold) return { kind: 'none' };
  return { kind: 'form', members: [...byResource.values()].sort((a, b) => a.seq - b.seq) };
}
