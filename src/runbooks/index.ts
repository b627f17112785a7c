/** The runbooks capability's public entry: what the rest of warroom may use of it. */
export { DEFAULT_RUNBOOKS } from './default-catalog.ts';
export type { RunbookExecution } from './execution.ts';
export { catalogWarnings, mergeCatalog } from './merge-catalog.ts';
export type { RunbookRequest } from './request.ts';
export type { RunbookDefinition } from './runbook.ts';
export { fittingRunbooks } from './runbook.ts';
export { buildRunbookExecutionsSection } from './runbook-executions-section.ts';
export { buildRunbookList } from './runbook-list.ts';
export { buildRunbookModal } from './runbook-modal.ts';
export {
  approvalOutcomeText,
  runbookOutcomeMessage,
  runbookOutcomeText,
  stopOutcomeText,
} from './runbook-replies.ts';
export { checkTemplate } from './template.ts';
export type { RunbookServices } from './wire-runbooks.ts';
export { wireRunbooks } from './wire-runbooks.ts';
