import type { IncidentManagerWrite } from '../incident-manager/index.ts';
import type { Incident } from '../incidents/index.ts';
import type { RunbookDefinition } from './runbook.ts';

/** The first look at a new execution is at once; then every FIRST_POLL_MS, doubling while nothing changes. */
export const FIRST_POLL_MS = 5_000;
export const MAX_POLL_MS = 60_000;

/** The account an incident's resources live in, from what the signals or Incident Manager said. */
function accountOf(incident: Incident): string | undefined {
  const fromArn = /^arn:[^:]+:ssm-incidents::(\d{12}):/.exec(incident.incidentManagerArn ?? '')?.[1];
  return incident.resource?.accountId ?? incident.accountId ?? fromArn;
}

/** `arn:aws:ssm:<region>:<account>:automation-execution/<id>`, when the account is known. */
export function automationExecutionArn(incident: Incident, executionId: string, region: string) {
  const account = accountOf(incident);
  return account ? `arn:aws:ssm:${region}:${account}:automation-execution/${executionId}` : undefined;
}

/** For an incident in Incident Manager: the execution as an AUTOMATION related item. */
export function automationRelatedItems(
  incident: Incident,
  executionId: string,
  region: string,
  runbook: RunbookDefinition,
): IncidentManagerWrite[] {
  const arn = automationExecutionArn(incident, executionId, region);
  if (!incident.incidentManagerArn || !arn) return [];
  return [
    {
      kind: 'related-item',
      arn: incident.incidentManagerArn,
      itemType: 'AUTOMATION',
      value: { arn },
      title: `Runbook: ${runbook.title} (${runbook.document})`,
    },
  ];
}
