import type { AutomationRunner } from '../aws/automation-port.ts';
import type { Clock } from '../clock.ts';
import type { TimelineEntry } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import type { LeasedWork } from '../work/leased-work.ts';
import { SingleFlight } from '../work/single-flight.ts';
import { FIRST_POLL_MS, MAX_POLL_MS } from './automation-links.ts';
import { isFinalStatus, mergeSteps, type RunbookExecution } from './execution.ts';
import type { RunbookDefinition } from './runbook.ts';
import { RunbookRunMessages } from './runbook-run-messages.ts';

export interface AutomationFollowerDeps {
  store: Store;
  /** Leases shared with the other replicas on the store; absent: this process is the only one. */
  leased?: LeasedWork;
  /** SSM where the execution runs: its incident's account and Region. */
  automationOf: (incidentSeq: number) => Promise<AutomationRunner>;
  slack: Pick<SlackGateway, 'postMessage' | 'updateMessage' | 'findReplyByMetadata'>;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  catalog: readonly RunbookDefinition[];
  /** A status change went on the timeline: Incident Manager's outbox should drain. */
  onTimeline?: () => void;
  /** More work of the same beat (two-person requests expiring, their messages). */
  alsoOnTick?: () => Promise<void>;
}

/**
 * Follows every execution warroom started until it finishes: polls GetAutomationExecution when its
 * time has come (the injected clock decides; the interval doubles while nothing changes), records
 * each status change on the timeline, and keeps one thread message under the incident card equal
 * to what it saw. All state is in the store, so following resumes after a restart. A crash between
 * posting the thread message and recording it can post it once more (thread replies cannot be
 * searched by metadata the way cards are).
 */
export class AutomationFollower {
  private readonly flight = new SingleFlight(() => this.drain());
  private readonly messages: RunbookRunMessages;
  /** Executions an EventBridge event named: the next pass polls them whatever their schedule. */
  private readonly nudged = new Set<string>();

  constructor(private readonly deps: AutomationFollowerDeps) {
    this.messages = new RunbookRunMessages(deps);
  }

  /** Looks at everything due now; resolves when that pass (and any it triggered) is done. */
  tick(): Promise<void> {
    return this.flight.kick();
  }

  /**
   * An EventBridge status event named this execution: polls it now instead of at its next turn, so
   * the thread message and timeline follow at once. Answers whether warroom follows it (a finished
   * one is followed but needs no poll). Kept in memory: a lost nudge only means the usual poll.
   */
  async pollNow(executionId: string): Promise<boolean> {
    const execution = await this.deps.store.runbooks.getExecution(executionId);
    if (!execution) return false;
    if (!isFinalStatus(execution.status)) {
      this.nudged.add(executionId);
      void this.tick();
    }
    return true;
  }

  idle(): Promise<void> {
    return this.flight.idle();
  }

  get busy(): boolean {
    return this.flight.busy;
  }

  private async drain(): Promise<void> {
    const nudged = new Set(this.nudged);
    this.nudged.clear();
    const due = await this.deps.store.runbooks.listDueExecutions(this.deps.clock.now(), 50);
    for (const id of nudged) {
      if (due.some((execution) => execution.executionId === id)) continue;
      const execution = await this.deps.store.runbooks.getExecution(id);
      if (execution) due.push(execution);
    }
    for (const execution of due) {
      try {
        await this.follow(execution, nudged.has(execution.executionId));
      } catch (error) {
        this.deps.logger.warn(
          { err: error, executionId: execution.executionId },
          'could not follow a runbook',
        );
      }
    }
    await this.deps.alsoOnTick?.();
  }

  private async follow(execution: RunbookExecution, nudged: boolean): Promise<void> {
    const { leased } = this.deps;
    if (!leased) return this.followNow(execution, nudged);
    // One replica at a time polls an execution and keeps its thread message (lease `exec:<id>`);
    // another holding it now means it is being followed. Read again under the lease: the other
    // replica may have moved it on since it was listed.
    await leased.run(`exec:${execution.executionId}`, async () => {
      const current = await this.deps.store.runbooks.getExecution(execution.executionId);
      if (current) await this.followNow(current, nudged);
    });
  }

  private async followNow(execution: RunbookExecution, nudged: boolean): Promise<void> {
    const now = this.deps.clock.now();
    let current = execution;
    const due = nudged || (current.nextPollAt !== undefined && current.nextPollAt <= now);
    if (!isFinalStatus(current.status) && due) {
      current = await this.poll(current, now);
    }
    await this.messages.show(current);
  }

  private async poll(execution: RunbookExecution, now: Date): Promise<RunbookExecution> {
    const { store, logger } = this.deps;
    const id = execution.executionId;
    const slower = Math.min(MAX_POLL_MS, execution.pollIntervalMs * 2);
    let seen: Awaited<ReturnType<AutomationRunner['get']>>;
    try {
      const automation = await this.deps.automationOf(execution.incidentSeq);
      seen = await automation.get(id);
    } catch (error) {
      logger.warn({ err: error, executionId: id }, 'GetAutomationExecution failed; trying again later');
      await store.runbooks.scheduleExecutionPoll(id, new Date(now.getTime() + slower), slower);
      return execution;
    }
    const steps = mergeSteps(
      seen.steps,
      execution.steps.map((step) => ({ name: step.name, action: step.action ?? '' })),
    );
    const changed =
      seen.status !== execution.status ||
      seen.failureMessage !== execution.failureMessage ||
      JSON.stringify(steps) !== JSON.stringify(execution.steps);
    if (!changed) {
      await store.runbooks.scheduleExecutionPoll(id, new Date(now.getTime() + slower), slower);
      return execution;
    }
    const final = isFinalStatus(seen.status);
    const updated = await store.runbooks.recordExecutionProgress(
      id,
      {
        status: seen.status,
        steps,
        failureMessage: seen.failureMessage,
        finishedAt: final ? now : undefined,
        entry:
          seen.status === execution.status
            ? undefined
            : statusEntry(execution, seen.status, seen.failureMessage, now),
      },
      // Final: due at once so the message shows it; it stops being due once shown.
      { at: final ? now : new Date(now.getTime() + FIRST_POLL_MS), intervalMs: FIRST_POLL_MS },
    );
    if (seen.status !== execution.status) this.deps.onTimeline?.();
    return updated ?? execution;
  }
}

function statusEntry(
  execution: RunbookExecution,
  status: string,
  failure: string | undefined,
  at: Date,
): TimelineEntry {
  const why = failure ? `: ${failure}` : '';
  return {
    at,
    kind: 'runbook',
    actor: 'aws:ssm-automation',
    text: `runbook ${execution.document} execution ${execution.executionId} is ${status}${why}`,
    from: execution.status,
    to: status,
    dedupeKey: `automation:${execution.executionId}:status:${status}`,
  };
}
