import type { Clock } from '../clock.ts';
import { type Incident, incidentId } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { Denial, Permissions } from '../permissions/index.ts';
import type { Store } from '../store/store.ts';
import { runbookClientToken } from './client-token.ts';
import { holdSecondStart } from './hold-second-start.ts';
import { fittingRunbooks, type RunbookDefinition } from './runbook.ts';
import type { RunbookOutcome } from './runbook-outcome.ts';
import type { PlanResult, RunbookPlan, RunbookPlanner } from './runbook-planner.ts';
import { type StartPeople, startExecution } from './start-execution.ts';
import { UnconfirmedStarts } from './unconfirmed-starts.ts';

export interface RunbooksDeps {
  store: Store;
  permissions: Permissions;
  planner: RunbookPlanner;
  catalog: readonly RunbookDefinition[];
  clock: Clock;
  logger: Logger;
  /** A two-person runbook was asked for and could run: its approval request goes to the thread. */
  requestApproval: (
    plan: RunbookPlan,
    actorId: string,
    requestKey: string,
    overrides: Record<string, string>,
  ) => Promise<RunbookOutcome>;
  /** An execution was recorded (or asked to stop): the follower looks at it now. */
  onExecutionChanged: (executionId: string) => void;
  /** A person started or asked for a runbook on the incident: an open one counts as acknowledged. */
  onActed?: (seq: number, actorId: string, how: string) => void;
}

export interface RunbookAsk {
  seq: number;
  runbookId: string;
  actorId: string;
  /** Names the request (a modal's view id, a command's trigger id): the same key starts once. */
  requestKey: string;
  overrides?: Record<string, string>;
  /**
   * "Run again anyway": the person saw this execution of the same document on the same target
   * running and asked for a second run at once.
   */
  again?: { runningExecutionId: string };
}

/** How prepareAndStart may start. */
export interface StartOptions {
  /** Look for an unfinished run of the same document on the same target first (not for approvals). */
  guard?: boolean;
  again?: RunbookAsk['again'];
}

/**
 * Runs catalog runbooks on incidents: lists those that fit, prepares one for the confirmation,
 * and starts it with a ClientToken derived from (incident, runbook, request), so double clicks,
 * Slack retries and restarts start one SSM execution. A new request (a new token) for a document
 * already running on the same target starts nothing and says so, unless the person confirms a
 * second run ("Run again anyway"); one whose earlier start's answer was lost first finds out
 * whether that start happened. `permissions.runbook` applies throughout.
 */
export class Runbooks {
  /** Starts in flight, by client token: concurrent duplicates share one StartAutomationExecution. */
  private readonly inFlight = new Map<string, Promise<RunbookOutcome>>();
  private readonly unconfirmed: UnconfirmedStarts;

  constructor(private readonly deps: RunbooksDeps) {
    this.unconfirmed = new UnconfirmedStarts(deps);
  }

  /** On the follower's beat: finds out about starts whose answer was lost. */
  resolveUnconfirmed(): Promise<void> {
    return this.unconfirmed.resolveDue();
  }

  fitting(incident: Incident): RunbookDefinition[] {
    return fittingRunbooks(this.deps.catalog, incident.resource);
  }

  find(runbookId: string): RunbookDefinition | undefined {
    return this.deps.catalog.find((runbook) => runbook.id === runbookId);
  }

  /** Undefined when `userId` may run, approve and stop runbooks on `incident`, else why not. */
  refusal(userId: string, incident: Incident): Promise<Denial | undefined> {
    return this.deps.permissions.refusal('runbook', userId, incident);
  }

  /** What would run (for the confirmation): the plan, or why it cannot run. */
  async preview(
    incident: Incident,
    runbook: RunbookDefinition,
    overrides: Record<string, string> = {},
  ): Promise<PlanResult> {
    return this.deps.planner.prepare(incident, runbook, overrides);
  }

  /** Asks to run a runbook: starts it, or for a two-person runbook asks a second person first. */
  async ask(input: RunbookAsk): Promise<RunbookOutcome> {
    const outcome = await this.startOrRequest(input);
    if (outcome.kind === 'started' || outcome.kind === 'unconfirmed' || outcome.kind === 'requested') {
      const verb = outcome.kind === 'requested' ? 'asked to run runbook' : 'ran runbook';
      this.deps.onActed?.(input.seq, input.actorId, `${verb} ${input.runbookId}`);
    }
    return outcome;
  }

  private async startOrRequest(input: RunbookAsk): Promise<RunbookOutcome> {
    const checked = await this.check(input.seq, input.runbookId, input.actorId);
    if ('kind' in checked) return checked;
    const { incident, runbook } = checked;
    const overrides = input.overrides ?? {};
    if (runbook.approval === 'two-person') {
      // Checked now so the second person is not asked to approve something that cannot run.
      const plan = await this.deps.planner.prepare(incident, runbook, overrides);
      if (!plan.ok) return { kind: 'invalid', incident, problems: plan.problems };
      // The second person's approval then starts it as asked, the guard having been passed here.
      const busy = input.again ? undefined : await this.hold(plan.plan, input.requestKey, overrides, true);
      if (busy) return busy;
      return this.deps.requestApproval(plan.plan, input.actorId, input.requestKey, overrides);
    }
    return this.prepareAndStart(
      incident,
      runbook,
      input.requestKey,
      overrides,
      { requestedBy: input.actorId },
      { guard: true, again: input.again },
    );
  }

  /** The permission, the incident (not resolved) and the runbook (in the catalog, fitting). */
  async check(
    seq: number,
    runbookId: string,
    actorId: string,
  ): Promise<RunbookOutcome | { incident: Incident; runbook: RunbookDefinition }> {
    // The incident first: a `team:` rule lets a team act only on the incidents it owns.
    const incident = await this.deps.store.getIncident(seq);
    if (!incident) return { kind: 'not-found' };
    const denial = await this.refusal(actorId, incident);
    if (denial) {
      this.deps.logger.warn({ userId: actorId, permission: 'runbook', seq }, 'permission refused');
      return { kind: 'denied', ...denial };
    }
    const fitting = this.fitting(incident);
    const runbook = fitting.find((candidate) => candidate.id === runbookId);
    if (!runbook) return { kind: 'unknown-runbook', incident, runbookId, fitting: fitting.map((r) => r.id) };
    if (incident.status === 'resolved') {
      return { kind: 'invalid', incident, problems: [`${incidentId(seq)} is resolved; reopen it first.`] };
    }
    return { incident, runbook };
  }

  /** Prepares again (the resource may have changed since the confirmation) and starts. */
  async prepareAndStart(
    incident: Incident,
    runbook: RunbookDefinition,
    requestKey: string,
    overrides: Record<string, string>,
    people: StartPeople,
    options: StartOptions = {},
  ): Promise<RunbookOutcome> {
    const token = runbookClientToken(incident.seq, runbook.id, requestKey);
    const earlier = await this.deps.store.runbooks.findExecutionByToken(token);
    if (earlier) return { kind: 'duplicate', incident, execution: earlier };
    const running = this.inFlight.get(token);
    if (running) {
      const outcome = await running;
      return outcome.kind === 'started' ? { ...outcome, kind: 'duplicate' } : outcome;
    }
    const start = (async (): Promise<RunbookOutcome> => {
      const prepared = await this.deps.planner.prepare(incident, runbook, overrides);
      if (!prepared.ok) return { kind: 'invalid', incident, problems: prepared.problems };
      const plan = prepared.plan;
      if (!options.again) {
        const busy = await this.hold(plan, requestKey, overrides, options.guard ?? false);
        if (busy) return busy;
      }
      const askedAt = this.deps.clock.now();
      const outcome = await startExecution(this.deps, plan, token, people, {
        concurrentWith: options.again?.runningExecutionId,
      });
      if (outcome.kind === 'unconfirmed') this.unconfirmed.add(plan, token, people, askedAt);
      return outcome;
    })();
    this.inFlight.set(token, start);
    try {
      return await start;
    } finally {
      this.inFlight.delete(token);
    }
  }

  private hold(plan: RunbookPlan, requestKey: string, overrides: Record<string, string>, guard: boolean) {
    return holdSecondStart({ ...this.deps, unconfirmed: this.unconfirmed }, plan, {
      requestKey,
      overrides,
      guard,
    });
  }
}
