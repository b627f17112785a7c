import { findLostStart } from './find-lost-start.ts';
import type { RunbookOutcome } from './runbook-outcome.ts';
import type { RunbookPlan } from './runbook-planner.ts';
import { type TargetKey, targetKeyOf } from './runbook-target.ts';
import { recordStarted, type StartExecutionDeps, type StartPeople } from './start-execution.ts';

interface Unconfirmed {
  plan: RunbookPlan;
  clientToken: string;
  people: StartPeople;
  askedAt: Date;
  target: TargetKey;
  nextTryAt: Date;
  delayMs: number;
}

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;
/** After this long unknown, warroom stops asking (SSM keeps a ClientToken only so long). */
const GIVE_UP_MS = 60 * 60_000;

/**
 * Starts whose answer was lost and whose fate warroom does not know yet. Each is resolved with its
 * own ClientToken (findLostStart), at once when a new start of the same document on the same target
 * is asked for, else on the follower's beat with a backoff. Held in memory: after a restart the
 * look at SSM's running executions (findRunningTwin) still stops a second run.
 */
export class UnconfirmedStarts {
  private readonly pending = new Map<string, Unconfirmed>();

  constructor(private readonly deps: StartExecutionDeps) {}

  add(plan: RunbookPlan, clientToken: string, people: StartPeople, askedAt: Date): void {
    const now = this.deps.clock.now();
    this.pending.set(clientToken, {
      plan,
      clientToken,
      people,
      askedAt,
      target: targetKeyOf(plan.runbook, plan.parameters),
      nextTryAt: new Date(now.getTime() + FIRST_RETRY_MS),
      delayMs: FIRST_RETRY_MS,
    });
  }

  /** The unresolved start of this document on this target for this incident, if any. */
  matching(plan: RunbookPlan): Unconfirmed | undefined {
    const target = targetKeyOf(plan.runbook, plan.parameters);
    return [...this.pending.values()].find(
      (entry) =>
        entry.plan.incident.seq === plan.incident.seq &&
        entry.plan.runbook.document === plan.runbook.document &&
        entry.target === target,
    );
  }

  /**
   * Finds out now: 'started' (or 'duplicate') once SSM says it started, 'invalid' if SSM refuses
   * the same request, undefined while it stays unknown.
   */
  async resolve(entry: Unconfirmed): Promise<RunbookOutcome | undefined> {
    const { deps } = this;
    const answer = await findLostStart(deps, entry.plan, entry.clientToken, entry.askedAt);
    const now = deps.clock.now();
    if (answer.kind === 'unknown') {
      if (now.getTime() - entry.askedAt.getTime() > GIVE_UP_MS) {
        this.pending.delete(entry.clientToken);
        deps.logger.error(
          { seq: entry.plan.incident.seq, runbook: entry.plan.runbook.id, clientToken: entry.clientToken },
          'gave up finding out whether a runbook started; check Systems Manager',
        );
        return undefined;
      }
      entry.nextTryAt = new Date(now.getTime() + entry.delayMs);
      entry.delayMs = Math.min(MAX_RETRY_MS, entry.delayMs * 2);
      return undefined;
    }
    this.pending.delete(entry.clientToken);
    if (answer.kind === 'refused') {
      deps.logger.warn(
        { err: answer.error, seq: entry.plan.incident.seq, runbook: entry.plan.runbook.id },
        'an unconfirmed runbook start was refused: it did not run',
      );
      return { kind: 'invalid', incident: entry.plan.incident, problems: ['Systems Manager refused it.'] };
    }
    return recordStarted(deps, entry.plan, entry.clientToken, entry.people, answer.executionId, {
      foundAfterLostAnswer: true,
    });
  }

  /** On the follower's beat: every start whose next try has come. */
  async resolveDue(): Promise<void> {
    const now = this.deps.clock.now();
    for (const entry of [...this.pending.values()]) {
      if (entry.nextTryAt > now) continue;
      try {
        await this.resolve(entry);
      } catch (error) {
        this.deps.logger.warn({ err: error, clientToken: entry.clientToken }, 'could not resolve a start');
      }
    }
  }
}
