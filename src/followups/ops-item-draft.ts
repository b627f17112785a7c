import type { OpsItemDraft } from '../aws/ops-center-port.ts';
import type { Incident } from '../incidents/index.ts';
import { incidentId } from '../incidents/index.ts';
import type { FollowUp } from '../store/follow-up-store.ts';

/** OpsCenter's severity from the incident's impact: 1–3 alike, 4 and 5 both its lowest, 4. */
export function severityOf(incident: Pick<Incident, 'impact'>): OpsItemDraft['severity'] {
  return String(Math.min(incident.impact, 4)) as OpsItemDraft['severity'];
}

/**
 * The OpsItem of a follow-up: its title, a description naming the incident with its link, the
 * incident, link, owner and due day as operational data (`warroom…` keys: AWS reserves `aws…`),
 * the Incident Manager record as a related resource, and a dedup string of the follow-up's id.
 */
export function draftOpsItem(followUp: FollowUp, incident: Incident, link: string | undefined): OpsItemDraft {
  const id = incidentId(incident.seq);
  const lines = [
    `Follow-up of ${id}: ${incident.title}`,
    link ? `Incident: ${link}` : undefined,
    followUp.owner ? `Owner: Slack user ${followUp.owner}` : undefined,
    followUp.due ? `Due: ${followUp.due}` : undefined,
    `Created in Slack by ${followUp.createdBy} with warroom.`,
  ].filter((line): line is string => line !== undefined);
  return {
    title: followUp.title,
    description: lines.join('\n'),
    severity: severityOf(incident),
    dedupString: `warroom:${followUp.id}`,
    data: {
      warroomFollowUp: followUp.id,
      warroomIncident: id,
      ...(link ? { warroomIncidentLink: link } : {}),
      ...(followUp.owner ? { warroomOwner: followUp.owner } : {}),
      ...(followUp.due ? { warroomDue: followUp.due } : {}),
    },
    relatedResourceArns: incident.incidentManagerArn ? [incident.incidentManagerArn] : [],
  };
}

/** Where a person opens an OpsItem in the console. */
export function opsItemUrl(opsItemId: string, region: string): string {
  return `https://${region}.console.aws.amazon.com/systems-manager/opsitems/${opsItemId}?region=${region}`;
}
