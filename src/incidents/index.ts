/** The incidents capability's public entry: what the rest of warroom may use of it. */
export { annotation } from './annotation.ts';
export { buildAppHome } from './app-home.ts';
export type { SignalChange } from './apply-alert.ts';
export { applyAlert } from './apply-alert.ts';
export { CardSync } from './card-sync.ts';
export { automationExecutionUrlFor, incidentManagerUrlFor } from './console-links.ts';
export { deniedText } from './denied-text.ts';
export { formatDuration } from './duration-text.ts';
export { describeLookupFailure, findIncident, parseIncidentId } from './find-incident.ts';
export { findHomeCard, homeChannelOf } from './home-channel.ts';
export type { Impact } from './impact.ts';
export { IMPACT_NAMES, isImpact } from './impact.ts';
export type {
  Incident,
  IncidentReview,
  IncidentRoute,
  LatestSignal,
  NewIncident,
  PastResolution,
  StormInfo,
  TimelineEntry,
} from './incident.ts';
export { incidentId } from './incident.ts';
export { incidentButtonValue } from './incident-actions.ts';
export { IncidentChannels } from './incident-channels.ts';
export { impactLabel } from './incident-labels.ts';
export { buildIncidentList } from './incident-list.ts';
export type { ModalContext } from './incident-modals.ts';
export { buildDeclareModal, buildNoteModal, buildReopenModal, buildResolveModal } from './incident-modals.ts';
export { incidentStatusText } from './incident-status-text.ts';
export { buildIncidentSummary } from './incident-summary.ts';
export type { LifecycleDurations } from './lifecycle.ts';
export { durationsLine, impactStartOf, lifecycleDurations } from './lifecycle.ts';
export { recordLifecycleMetrics } from './lifecycle-metrics.ts';
export { buildLifecycleTimes } from './lifecycle-times.ts';
export { MetricPicture } from './metric-picture.ts';
export { buildNoteMessages, MAX_NOTE_TEXT } from './note-messages.ts';
export type { OlderInteraction, PointedIncident } from './older-warroom-text.ts';
export { buildOlderWarroomText } from './older-warroom-text.ts';
export { NOTE_EVENT, noteConfirmation, type PostedNote, type PostNoteDeps, postNote } from './post-note.ts';
export { type PostUpdateDeps, postUpdate, UPDATE_EVENT } from './post-update.ts';
export type { SnoozeEnd } from './snooze.ts';
export { durationText, endSnooze, isSnoozed, MAX_SNOOZE_MS, utcTime } from './snooze.ts';
export { snoozeLine, snoozeMark } from './snooze-line.ts';
export { loadStormMembers } from './storm-members.ts';
export { describeStormZones } from './storm-section.ts';
export type { CaptureOutcome } from './timeline-capture.ts';
export { TimelineCapture } from './timeline-capture.ts';
export { buildTimelineMessage, MAX_ENTRY_TEXT } from './timeline-text.ts';
export type { Transition } from './transitions.ts';
export { resolve } from './transitions.ts';
export type { TriageAction, TriageResult } from './triage.ts';
export { PERMISSION_FOR, Triage } from './triage.ts';
export { snoozeReplyText, triageReplyText } from './triage-replies.ts';
export { parseTypedTime, TYPED_TIME_FORMS, utcDateTime } from './typed-time.ts';
export { buildUpdateModal } from './update-modal.ts';
