/** The incident-manager capability's public entry: what the rest of warroom may use of it. */
export { IncidentManagerNotices } from './incident-manager-notices.ts';
export { describeIncidentManagerState } from './incident-manager-state.ts';
export { IncidentManagerSync } from './incident-manager-sync.ts';
export type { IncidentManagerWrite } from './incident-manager-writes.ts';
export { incidentManagerWrites } from './incident-manager-writes.ts';
export { PeopleNames, plainMarkup } from './people-names.ts';
export { SlackLink } from './slack-link.ts';
