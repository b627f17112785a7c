/** The paging capability's public entry: what the rest of warroom may use of it. */
export type { Escalation } from './escalation.ts';
export { joinIncident, joinReplyText } from './join-incident.ts';
export type { OnCallResolver } from './on-call-resolver.ts';
export type { ShownRotation } from './oncall-text.ts';
export { buildNoRotationsText, buildOnCallMessage, buildUnknownRotationText } from './oncall-text.ts';
export { SNOOZE_BUTTON_MINUTES } from './page-dm.ts';
export type { PageReason } from './page-message.ts';
export type { NameMatch } from './page-names.ts';
export { matchPageNames, unmatchedNamesText } from './page-names.ts';
export { pageReplyText } from './page-replies.ts';
export type { EscalationConfig, EscalationPolicy } from './policy.ts';
export { CONTACT_TARGET } from './policy.ts';
export type { HandoffTime, OnCallRotation, RotationConfig, ShiftLength } from './rotation.ts';
export { DEFAULT_ROTATION_START, isSsmRotation, WEEKDAYS } from './rotation.ts';
export type { SsmOnCallReader } from './ssm-on-call.ts';
export { whoIsOnCall } from './who-is-on-call.ts';
export { wireEscalation } from './wire-escalation.ts';
export { isTimeZone } from './zoned-time.ts';
