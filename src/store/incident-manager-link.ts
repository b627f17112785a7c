import type { Incident, Transition } from '../incidents/index.ts';

/**
 * The change that links an incident to its Incident Manager record, and the dedupe key that makes
 * it once: both adapters' `linkIncidentManager` apply it through their `mutateIncident`.
 */
export function incidentManagerLink(
  arn: string,
  now: Date,
): { change: (incident: Incident) => Transition; dedupeKey: string } {
  return {
    change: (incident) => ({
      kind: 'changed',
      incident: { ...incident, incidentManagerArn: arn, updatedAt: now, version: incident.version + 1 },
      entry: {
        at: now,
        kind: 'annotation',
        actor: 'aws:incident-manager',
        text: `started in Incident Manager as ${arn}`,
      },
    }),
    dedupeKey: `im-link:${arn}`,
  };
}
