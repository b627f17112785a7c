import { COUNTER_KIND, INCIDENT_KINDS } from './copy-incident-kinds.ts';
import { POST_INCIDENT_KINDS } from './copy-post-incident-kinds.ts';
import type { CopyKind } from './copy-rows.ts';
import { WORK_KINDS } from './copy-work-kinds.ts';

/**
 * Every kind, in the order written. Leases are not copied: they only matter between live
 * replicas, and the install being copied is stopped. The counter goes last, so a table that holds
 * it holds everything before it.
 */
export const COPY_KINDS: readonly CopyKind[] = [
  ...INCIDENT_KINDS,
  ...WORK_KINDS,
  ...POST_INCIDENT_KINDS,
  COUNTER_KIND,
];
