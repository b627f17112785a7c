/** Storms: many resources with the same kind of signal at once become one storm incident. */

export { StormFollower } from './storm-follower.ts';
export type { StormOutcome } from './storm-grouper.ts';
export { StormGrouper } from './storm-grouper.ts';
export { describeStormKey, stormKeyFor } from './storm-key.ts';
export type { StormDecision, StormRule } from './storm-rule.ts';
export { decideStorm } from './storm-rule.ts';
export { StormThread } from './storm-thread.ts';
export { StormZones } from './storm-zones.ts';
