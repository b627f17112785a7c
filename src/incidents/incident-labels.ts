import { type Accounts, describeAccount } from '../accounts/index.ts';
import { escapeMrkdwn, slackDate } from '../slack/mrkdwn.ts';
import { IMPACT_NAMES, type Impact } from './impact.ts';
import type { Incident, IncidentStatus } from './incident.ts';
import { ownerSuffix } from './incident-status-text.ts';

const STATUS_WORDS: Record<IncidentStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

/** `2 · High`: the number people type and the name Incident Manager uses. */
export function impactLabel(impact: Impact): string {
  return `${impact} · ${IMPACT_NAMES[impact]}`;
}

/** The status and who brought it there, e.g. `Acknowledged by <@U0ALICE> 09:12`. */
export function statusLabel(incident: Incident): string {
  if (incident.status === 'resolved' && incident.resolvedBy) {
    const at = incident.resolvedAt ? ` ${slackDate(incident.resolvedAt)}` : '';
    return `${STATUS_WORDS.resolved} by <@${incident.resolvedBy}>${at}`;
  }
  if (incident.status !== 'open' && incident.acknowledgedBy) {
    const at = incident.acknowledgedAt ? ` ${slackDate(incident.acknowledgedAt)}` : '';
    if (incident.owner === incident.acknowledgedBy)
      return `${STATUS_WORDS[incident.status]} and owned by <@${incident.owner}>${at}`;
    return `${STATUS_WORDS[incident.status]} by <@${incident.acknowledgedBy}>${at}${ownerSuffix(incident)}`;
  }
  return `${STATUS_WORDS[incident.status]}${ownerSuffix(incident)}`;
}

/**
 * Where the incident is, as `accounts:` names it: `Account` `prod-payments (us-east-1)`, or just the
 * Region when no account is known; undefined when neither is (a declared incident), so no field of
 * dashes is shown.
 */
export function locationField(
  incident: Pick<Incident, 'accountId' | 'region'>,
  accounts: Accounts = {},
): { label: string; value: string } | undefined {
  const value = describeAccount(incident, accounts);
  if (value === undefined) return undefined;
  return { label: incident.accountId ? 'Account' : 'Region', value: escapeMrkdwn(value) };
}
