/** The rds capability's public entry: what the rest of warroom may use of it. */

export type { DatabaseChoice } from './database-menu.ts';
export { buildDatabaseControl, buildSnapshotPrompt, DATABASE_CHOICES } from './database-menu.ts';
export { DEFAULT_LOG_LINES } from './log-tail.ts';
export { RdsDesk } from './rds-desk.ts';
export type {
  DbClusterFacts,
  DbInstanceFacts,
  DbSnapshotFacts,
  LogFileFacts,
  LogPortion,
  PendingMaintenance,
  SnapshotExposure,
} from './rds-facts.ts';
export type { RdsRead } from './rds-reads.ts';
export { isRdsRead } from './rds-reads.ts';
export type { RdsRequest } from './rds-request.ts';
export { answerRdsRequest, rdsPermission } from './rds-request.ts';
