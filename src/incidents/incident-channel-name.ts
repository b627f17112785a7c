import type { Incident } from './incident.ts';

/** Slack's limit for channel names. */
export const MAX_CHANNEL_NAME = 80;

/**
 * `inc-20261122-42-cpu-high-on-orders-db`: date, id and title, in the characters Slack allows
 * (lowercase letters, digits, hyphens, underscores), cut to 80 characters without a trailing hyphen.
 */
export function incidentChannelName(incident: Incident, suffix = ''): string {
  const date = incident.openedAt.toISOString().slice(0, 10).replace(/-/g, '');
  const prefix = `inc-${date}-${incident.seq}`;
  const slug = incident.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const tail = suffix ? `-${suffix}` : '';
  const room = MAX_CHANNEL_NAME - prefix.length - tail.length - 1;
  const cut = slug.slice(0, Math.max(0, room)).replace(/-+$/g, '');
  return `${prefix}${cut ? `-${cut}` : ''}${tail}`;
}
