import type { PermissionAction } from '../config/config.ts';

/** What a permission is checked against: an incident (its number and the team its route gave it). */
export interface PermissionScope {
  seq: number;
  route?: { team?: string };
}

/**
 * Why a permission was refused. `teams`: the `team:<name>` entries of the rule, when it has any;
 * `incident`: the incident acted on and its owning team (none when no route gave it one).
 */
export interface Denial {
  permission: PermissionAction;
  teams?: string[];
  incident?: { seq: number; team?: string };
}
