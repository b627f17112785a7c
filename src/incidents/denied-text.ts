import type { PermissionAction } from '../config/config.ts';
import type { Denial } from '../permissions/index.ts';
import { incidentId } from './incident.ts';

/** What each permission lets a person do (on an incident, when there is one), as the start of a sentence. */
const ON_INCIDENT: Record<PermissionAction, (id: string) => string> = {
  declare: () => 'Declaring incidents is',
  triage: (id) => (id ? `Triage on ${id} is` : 'Triage is'),
  resolve: (id) => (id ? `Resolving and reopening ${id} is` : 'Resolving and reopening is'),
  runbook: (id) => (id ? `Runbooks on ${id} are` : 'Runbooks are'),
  page: (id) => (id ? `Paging people for ${id} is` : 'Paging people is'),
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
