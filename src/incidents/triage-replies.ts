import type { PermissionAction } from '../config/config.ts';
import type { Denial } from '../permissions/index.ts';
import { incidentId } from './incident.ts';
import type { TriageResult } from './triage.ts';

/** What each permission lets a person do on an incident, as the start of a sentence. */
const ON_INCIDENT: Record<PermissionAction, (id: string) => string> = {
  declare: () => 'Declaring incidents is',
  triage: (id) => `Triage on ${id} is`,
  resolve: (id) => `Resolving and reopening ${id} is`,
  runbook: (id) => `Runbooks on ${id} are`,
  page: (id) => `Paging people for ${id} is`,
};

/** "the payments team (@payments)", or several joined with "or". */
function teamsText(teams: readonly string[]): string {
  return teams.map((team) => `the ${team} team (@${team})`).join(' or ');
}

/**
 * Why a refusal happened, naming the permission and where it is configured; with `team:` entries in
 * the rule, which team it is for and why the person is not let through it.
 */
export function deniedText(denial: PermissionAction | Denial): string {
  const { permission, teams, incident } = typeof denial === 'string' ? { permission: denial } : denial;
  const where = `set by \`permissions.${permission}\` in warroom's config`;
  if (!teams || teams.length === 0)
    return `You do not have the \`${permission}\` permission for incidents (${where}).`;
  const id = incident ? incidentId(incident.seq) : '';
  const subject = ON_INCIDENT[permission](id);
  if (!incident) return `${subject} for ${teamsText(teams)}; you are not in it (${where}).`;
  if (incident.team && teams.includes(incident.team))
    return `${subject} for ${teamsText([incident.team])}; you are not in it (${where}).`;
  const owner = incident.team
    ? `${id} is owned by the ${incident.team} team`
    : `no route gave ${id} an owning team`;
  return `${subject} not yours: ${owner}, and a team is let through only on its own incidents (${where}: ${teamsText(teams)}).`;
}

/** The one-line answer to the person who acted, for every outcome of a triage action. */
export function triageReplyText(result: TriageResult): string {
  switch (result.kind) {
    case 'changed': {
      const change = result.entry.from !== undefined ? ` (${result.entry.from} → ${result.entry.to})` : '';
      return `${incidentId(result.incident.seq)}: you ${result.entry.text}${change}.`;
    }
    case 'unchanged':
      return result.message;
    case 'duplicate':
      return `${incidentId(result.incident.seq)}: that was already done; nothing changed.`;
    case 'denied':
      return deniedText(result);
    case 'not-found':
      return 'That incident does not exist.';
  }
}

/** A snooze's answer, naming the storm when the incident asked about escalates through one. */
export function snoozeReplyText(askedSeq: number, result: TriageResult): string {
  const text = triageReplyText(result);
  if (result.kind !== 'changed' && result.kind !== 'unchanged') return text;
  const through =
    result.incident.seq === askedSeq
      ? ''
      : `${incidentId(askedSeq)} escalates through its storm ${incidentId(result.incident.seq)}, so the storm is what is snoozed.\n`;
  return `${through}${text}`;
}
