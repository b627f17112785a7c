export { isOverdue, parseDue } from './due-date.ts';
export {
  buildFollowUpList,
  buildHomeFollowUps,
  type FollowUpScope,
  listHeading,
  readScope,
} from './follow-up-blocks.ts';
export {
  FollowUpDesk,
  type FollowUpDeskDeps,
  type NewFollowUp,
  type OpsCenterOutcome,
} from './follow-up-desk.ts';
export { buildFollowUpModal, type FollowUpModalContext, MAX_FOLLOW_UP_TITLE } from './follow-up-modal.ts';
export { createdText, statusText } from './follow-up-text.ts';
export { type FollowUpSummary, listFollowUpsFor } from './list-follow-ups-for.ts';
export { OpsCenterSync } from './ops-center-sync.ts';
export { draftOpsItem, opsItemUrl, severityOf } from './ops-item-draft.ts';
