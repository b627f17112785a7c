import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { runbookClientToken } from './client-token.ts';
import type { RunbookRequest } from './request.ts';
import type { RunbookOutcome } from './runbook-outcome.ts';
import type { RunbookPlan } from './runbook-planner.ts';
import type { Runbooks } from './runbooks.ts';

export type ApprovalOutcome =
  | { kind: 'approved'; request: RunbookRequest; outcome: RunbookOutcome }
  | { kind: 'rejected'; request: RunbookRequest }
  /** Someone decided it first, or it expired: nothing changed now. */
  | { kind: 'already'; request: RunbookRequest }
  | { kind: 'own-request' }
  | { kind: 'refused'; outcome: RunbookOutcome }
  | { kind: 'not-found' };

export interface RunbookApprovalsDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  timeoutMs: number;
  /** Set after construction: Runbooks and its approvals need each other. */
  runbooks: () => Runbooks;
  /** A request changed: its thread message follows (and an execution may have started). */
  onChanged: () => void;
  /** A person approved a runbook on the incident: an open one counts as acknowledged. */
  onActed?: (seq: number, actorId: string, how: string) => void;
}

/**
 * Two-person runbooks: the request goes on the timeline and into the card's thread; a second
 * person with `permissions.runbook` approves (and it starts, with the request as its request key,
 * so approving twice starts once) or rejects; the requester may withdraw (reject) but not approve.
 * A request not decided within the timeout expires.
 */
export class RunbookApprovals {
  constructor(private readonly deps: RunbookApprovalsDeps) {}

  async request(
    plan: RunbookPlan,
    actorId: string,
    requestKey: string,
    overrides: Record<string, string>,
  ): Promise<RunbookOutcome> {
    const { incident, runbook } = plan;
    const now = this.deps.clock.now();
    const id = runbookClientToken(incident.seq, runbook.id, `request:${requestKey}`);
    const { request } = await this.deps.store.runbooks.createRequest(
      {
        id,
        incidentSeq: incident.seq,
        runbookId: runbook.id,
        requestedBy: actorId,
        overrides,
        parameters: plan.parameters,
        status: 'pending',
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.deps.timeoutMs),
        version: 1,
        renderedVersion: 0,
      },
      {
        at: now,
        kind: 'runbook',
        actor: actorId,
        text: `asked to run ${runbook.title} (${runbook.document}); a second person must approve (request ${id})`,
        dedupeKey: `runbook-request:${id}`,
      },
    );
    this.deps.onChanged();
    return { kind: 'requested', incident, request };
  }

  async decide(requestId: string, actorId: string, decision: 'approve' | 'reject'): Promise<ApprovalOutcome> {
    const { store, clock } = this.deps;
    const request = await store.runbooks.getRequest(requestId);
    if (!request) return { kind: 'not-found' };
    const checked = await this.deps.runbooks().check(request.incidentSeq, request.runbookId, actorId);
    if ('kind' in checked) return { kind: 'refused', outcome: checked };
    if (decision === 'approve' && actorId === request.requestedBy) return { kind: 'own-request' };
    await this.expireIfDue(request);
    const now = clock.now();
    const status = decision === 'approve' ? 'approved' : 'rejected';
    const verb = actorId === request.requestedBy ? 'withdrew' : status;
    const decided = await store.runbooks.decideRequest(
      requestId,
      { status, by: actorId, at: now },
      {
        at: now,
        kind: 'runbook',
        actor: actorId,
        text: `${verb} the request to run ${checked.runbook.title} (request ${requestId})`,
        dedupeKey: `runbook-request:${requestId}:decided`,
      },
    );
    if (!decided) return { kind: 'not-found' };
    this.deps.onChanged();
    if (!decided.decided) return { kind: 'already', request: decided.request };
    if (status === 'rejected') return { kind: 'rejected', request: decided.request };
    this.deps.onActed?.(request.incidentSeq, actorId, `approved runbook ${request.runbookId}`);
    const outcome = await this.deps
      .runbooks()
      .prepareAndStart(checked.incident, checked.runbook, `request:${requestId}`, request.overrides, {
        requestedBy: request.requestedBy,
        approvedBy: actorId,
      });
    if (outcome.kind === 'started' || outcome.kind === 'duplicate') {
      await store.runbooks.recordRequestExecution(requestId, outcome.execution.executionId);
      this.deps.onChanged();
    }
    return { kind: 'approved', request: decided.request, outcome };
  }

  /**
   * Pending requests past their time expire (on the timeline); called on every follower tick.
   * Answers whether any did, and the requests whose thread message is behind.
   */
  async expireDue(): Promise<{ expired: boolean; needing: RunbookRequest[] }> {
    const { store, clock } = this.deps;
    let expired = false;
    for (const request of await store.runbooks.listRequestsNeedingWork(clock.now(), 50)) {
      expired = (await this.expireIfDue(request)) || expired;
    }
    return { expired, needing: await store.runbooks.listRequestsNeedingWork(clock.now(), 50) };
  }

  private async expireIfDue(request: RunbookRequest): Promise<boolean> {
    const now = this.deps.clock.now();
    if (request.status !== 'pending' || request.expiresAt > now) return false;
    const outcome = await this.deps.store.runbooks.decideRequest(
      request.id,
      { status: 'expired', at: now },
      {
        at: now,
        kind: 'runbook',
        actor: 'warroom',
        text: `the request to run ${request.runbookId} expired without a second person's approval (request ${request.id})`,
        dedupeKey: `runbook-request:${request.id}:decided`,
      },
    );
    this.deps.logger.info({ requestId: request.id, seq: request.incidentSeq }, 'runbook request expired');
    return outcome?.decided ?? false;
  }
}
