import { type Incident, impactLabel, incidentId } from '../incidents/index.ts';
import { type PageFailure, pageFailureEntry, pageFailuresText } from './page-failures.ts';
import { mentionOf, type NotifyTarget } from './policy.ts';

/** Why someone is paged: a stage of a policy, or a person's `/incident page` / button. */
export type PageReason =
  | { kind: 'stage'; policy: string; index: number; repeat: boolean }
  | { kind: 'manual'; by: string };

/**
 * Why, in plain words: "paged by <@alice>", or for an escalation stage "2 · High and nobody has
 * acknowledged it for 5 minutes" (how long is counted from when it opened, or reopened).
 */
export function reasonText(incident: Incident, reason: PageReason, now?: Date): string {
  if (reason.kind === 'manual') return `paged by <@${reason.by}>`;
  const since = incident.reopenedAt ?? incident.openedAt;
  const minutes = now ? Math.floor((now.getTime() - since.getTime()) / 60_000) : 0;
  const waited =
    minutes >= 1
      ? `nobody has acknowledged it for ${minutes} minute${minutes === 1 ? '' : 's'}`
      : 'nobody has acknowledged it yet';
  return `it is ${impactLabel(incident.impact)} and ${waited}`;
}

/** The timeline entry of a page: whom it reached, and each target it could not reach and why. */
export function pageEntryText(
  mentioned: readonly NotifyTarget[],
  failures: readonly PageFailure[],
  reason: PageReason,
): string {
  const why = reason.kind === 'stage' ? ` (escalation \`${reason.policy}\` stage ${reason.index + 1})` : '';
  const paged =
    mentioned.length > 0 ? `paged ${mentioned.map(mentionOf).join(', ')}${why}` : `paged nobody${why}`;
  return [paged, ...failures.map(pageFailureEntry)].join('; ');
}

/** The card-thread message: who is paged and why, and which targets reached nobody (and why). */
export function buildPageThreadText(
  incident: Incident,
  targets: readonly NotifyTarget[],
  reason: PageReason,
  failures: readonly PageFailure[] = [],
  now?: Date,
): string {
  const missed = failures.length > 0 ? `\n${pageFailuresText(failures)}` : '';
  if (targets.length === 0) return `:warning: ${incidentId(incident.seq)}: nobody was paged.${missed}`;
  const who = targets.map(mentionOf).join(', ');
  const ask =
    incident.status === 'open' ? 'Acknowledge on the card or in your DM.' : 'Join from your DM to help.';
  return `:rotating_light: ${who}: ${incidentId(incident.seq)} needs you, ${reasonText(incident, reason, now)}. ${ask}${missed}`;
}
