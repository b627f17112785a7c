import { type Incident, incidentId } from '../incidents/index.ts';
import { escapeMrkdwn } from '../slack/mrkdwn.ts';
import type { RunbookDefinition } from './runbook.ts';

/** `/incident runbook [id]` without a runbook: the runbooks that fit, and how to run one. */
export function buildRunbookList(incident: Incident, fitting: readonly RunbookDefinition[]): string {
  const id = incidentId(incident.seq);
  const about = incident.resource
    ? `${incident.resource.kind} \`${escapeMrkdwn(incident.resource.id)}\``
    : 'no AWS resource';
  if (fitting.length === 0) return `No runbook in warroom's catalog fits ${id} (${about}).`;
  const lines = fitting.map((runbook) => {
    const approval = runbook.approval === 'two-person' ? ' · 🔐 two-person' : '';
    const editable = runbook.editable.length > 0 ? ` · editable: ${runbook.editable.join(', ')}` : '';
    return `• \`${runbook.id}\` ${escapeMrkdwn(runbook.title)} · \`${runbook.document}\`${approval}${editable}`;
  });
  return `*Runbooks for ${id}* (${about}):\n${lines.join('\n')}\nRun one with \`/incident runbook ${id} <runbook> [key=value…]\`, or with Run runbook on the card.`;
}
