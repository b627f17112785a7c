import { describe, expect, it } from 'vitest';
import type { RunbookRequest } from '../../src/runbooks/request.ts';
import {
  approverMentions,
  buildRunbookApprovalMessage,
  type RunbookApprovers,
} from '../../src/runbooks/runbook-approval-message.ts';

const request: RunbookRequest = {
  id: 'req-1',
  incidentSeq: 7,
  runbookId: 'stop-instance',
  requestedBy: 'U0ALICE',
  overrides: {},
  parameters: { InstanceId: ['orders-db'] },
  status: 'pending',
  createdAt: new Date(0),
  expiresAt: new Date(900_000),
  version: 1,
  renderedVersion: 0,
};
const runbook = { title: 'Stop DB instance', document: 'AWS-StopRdsInstance' };

function waitingLine(approvers: RunbookApprovers, asked = request) {
  const message = buildRunbookApprovalMessage(asked, runbook, approvers);
  const context = message.blocks.find((block) => block.type === 'context');
  return { text: message.text, line: JSON.stringify(context) };
}

describe('whom a two-person runbook request asks to approve', () => {
  it('names the runbook permission holders other than the requester, groups as groups', () => {
    const { text, line } = waitingLine({ holders: ['U0ALICE', 'U0BOB', 'S0DBA'], asked: [] });
    expect(line).toContain('`runbook` permission: <@U0BOB>, <!subteam^S0DBA> can approve.');
    expect(text).toBe('Approval needed: Stop DB instance on INC-7 (pending) · <@U0BOB>, <!subteam^S0DBA>');
    expect(text).not.toContain('U0ALICE');
  });

  it('names a team in the permission by name, as its user group is not known by id here', () => {
    const { line } = waitingLine({ holders: ['team:payments', 'U0BOB'], asked: [] });
    expect(line).toContain('`runbook` permission: the payments team, <@U0BOB> can approve.');
    expect(line).not.toContain('<@team:payments>');
  });

  it('mentions nobody when everyone holds the permission and no approvers are configured', () => {
    const { text, line } = waitingLine({ holders: ['*'], asked: [] });
    expect(line).toContain('Waiting for a second person with the `runbook` permission. Expires');
    expect(text).toBe('Approval needed: Stop DB instance on INC-7 (pending)');
  });

  it('asks the configured approver group instead of the permission holders', () => {
    const { text, line } = waitingLine({ holders: ['U0BOB', 'U0CAROL'], asked: ['S0SRELEADS'] });
    expect(line).toContain('`runbook` permission: asking <!subteam^S0SRELEADS>. Expires');
    expect(text).toBe('Approval needed: Stop DB instance on INC-7 (pending) · <!subteam^S0SRELEADS>');
    expect(line).not.toMatch(/U0BOB|U0CAROL/);
  });

  it('asks the configured approvers even when everyone holds the permission, never the requester', () => {
    expect(approverMentions(request, { holders: ['*'], asked: ['U0ALICE', 'U0DAN', 'S0SRE'] })).toEqual([
      '<@U0DAN>',
      '<!subteam^S0SRE>',
    ]);
  });

  it('mentions nobody once the request is decided', () => {
    const decided = { ...request, status: 'approved' as const, decidedBy: 'U0DAN' };
    const { text, line } = waitingLine({ holders: ['*'], asked: ['S0SRE'] }, decided);
    expect(text).toBe('Approval needed: Stop DB instance on INC-7 (approved)');
    expect(line).not.toContain('S0SRE');
  });
});
