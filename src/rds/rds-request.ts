import type { PermissionAction } from '../config/config.ts';
import type { Incident } from '../incidents/index.ts';
import type { RdsDesk, RdsReply } from './rds-desk.ts';
import type { LogRequest } from './rds-logs.ts';

/** One thing asked of an incident's database, by `/incident rds` or the card's Database menu. */
export type RdsRequest = { action: 'status' | 'check' | 'snapshot' } | ({ action: 'logs' } & LogRequest);

/** Reading needs `triage`; a snapshot changes the account, so it needs `runbook`. */
export function rdsPermission(action: RdsRequest['action']): PermissionAction {
  return action === 'snapshot' ? 'runbook' : 'triage';
}

/**
 * Answers one request, in words (status and check also as blocks). The permission is the caller's
 * to check first (rdsPermission). `requestKey` names the request (`cmd:<trigger>`, `click:<trigger>`)
 * so a redelivered `logs` posts its lines once.
 */
export function answerRdsRequest(
  desk: Pick<RdsDesk, 'status' | 'check' | 'logs' | 'snapshot'>,
  incident: Incident,
  request: RdsRequest,
  userId: string,
  requestKey: string,
): Promise<RdsReply> {
  switch (request.action) {
    case 'status':
      return desk.status(incident, { userId, requestKey });
    case 'check':
      return desk.check(incident, { userId, requestKey });
    case 'logs':
      return desk.logs(incident, { file: request.file, lines: request.lines }, userId, requestKey);
    case 'snapshot':
      return desk.snapshot(incident, userId);
  }
}
