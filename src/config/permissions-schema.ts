import { z } from 'zod';
import type { PermissionAction } from './config.ts';

const principal = z
  .string()
  .regex(
    /^([UWS][A-Z0-9]{2,}|\*|team:[a-z0-9][a-z0-9_-]*)$/,
    'expected a Slack user id (U…/W…), a user-group id (S…), team:<name> (a team some route owns) or "*"',
  );

const permissionList = (what: string) =>
  z
    .array(principal)
    .default(['*'])
    .describe(
      `Who may ${what}: Slack user ids (\`U…\`/\`W…\`), user-group ids (\`S…\`), \`team:<name>\` (members of the Slack user group \`@<name>\`, on incidents that team owns) or \`"*"\` (everyone).`,
    );

export const permissionsSchema = z
  .strictObject({
    declare: permissionList('declare incidents (`/incident declare`)'),
    triage: permissionList(
      'acknowledge, take, set impact, snooze and unsnooze, add notes and 📌 messages, add follow-ups and mark them done or open, and run `rds status|check|logs`',
    ),
    resolve: permissionList('resolve and reopen'),
    runbook: permissionList('run, approve and stop runbooks, and take `rds snapshot`'),
    page: permissionList('page people by hand (`/incident page`, **Page on-call**)'),
  })
  .default({ declare: ['*'], triage: ['*'], resolve: ['*'], runbook: ['*'], page: ['*'] })
  .describe(
    'Who may do what. A refusal is ephemeral, says why and is logged. `team:<name>` entries: docs/routing.md (Team permissions).',
  );

/**
 * A `team:<name>` entry must name a team some route gives incidents (`routes[].team`): any other
 * could never own an incident, so it is a typo or a route that was removed.
 */
export function permissionProblems(file: {
  permissions: Record<PermissionAction, string[]>;
  routes: readonly { team?: string }[];
}): string[] {
  const teams = [...new Set(file.routes.flatMap((route) => (route.team ? [route.team] : [])))];
  const known = teams.length > 0 ? `routes name ${teams.join(', ')}` : 'no route has a team';
  return Object.entries(file.permissions).flatMap(([action, entries]) =>
    entries.flatMap((entry, index) =>
      entry.startsWith('team:') && !teams.includes(entry.slice('team:'.length))
        ? [`permissions.${action}.${index}: ${entry} names no team of a route (routes[].team; ${known})`]
        : [],
    ),
  );
}
