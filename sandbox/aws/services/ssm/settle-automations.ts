import type { RdsState } from '../rds/rds-state.ts';
import { PENDING_MS } from './automation-progress.ts';
import { RUNBOOK_EFFECTS } from './runbook-effects.ts';
import type { AutomationExecutionRecord } from './ssm-state.ts';
import { type StepEffect, StepFailure, type StepRun } from './step-effect.ts';

interface DueStep {
  execution: AutomationExecutionRecord;
  index: number;
  at: Date;
  effect: StepEffect;
}

/** When each step starts and ends (ms): Pending first, then each step for its seconds, as viewExecution shows them. */
function stepTimes(execution: AutomationExecutionRecord): Array<{ start: number; end: number }> {
  let cursor = execution.startTime.getTime() + PENDING_MS;
  return execution.runbook.steps.map((step) => {
    const start = cursor;
    cursor += step.seconds * 1000;
    return { start, end: cursor };
  });
}

/**
 * The execution's next step effect still to run, or none: effect-less steps are passed over, and
 * nothing runs at or after a failed step or once the execution was stopped.
 */
function nextDueStep(execution: AutomationExecutionRecord): DueStep | undefined {
  const { steps } = execution.runbook;
  const effects = RUNBOOK_EFFECTS[execution.runbook.name] ?? {};
  const failedAt = steps.findIndex((step) => step.name === execution.failure?.stepName);
  const stoppedAt = execution.stoppedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const times = stepTimes(execution);
  const progress = execution.effects;
  for (; progress.nextStep < steps.length; progress.nextStep++) {
    const index = progress.nextStep;
    const effect = effects[steps[index]?.name ?? ''];
    if (!effect) continue;
    const time = times[index] ?? { start: 0, end: 0 };
    const at = effect.when === 'end' ? time.end : time.start;
    if ((failedAt >= 0 && index >= failedAt) || time.start >= stoppedAt || at > stoppedAt) break;
    return { execution, index, at: new Date(at), effect };
  }
  progress.nextStep = steps.length;
  return undefined;
}

function runStep({ execution, index, at, effect }: DueStep, rds: RdsState): void {
  const { runbook, parameters } = execution;
  const times = stepTimes(execution);
  const defaultOf = (name: string) =>
    runbook.parameters.find((parameter) => parameter.name === name)?.defaultValue ?? '';
  const step: StepRun = {
    rds,
    at,
    endOf(stepName) {
      const found = runbook.steps.findIndex((candidate) => candidate.name === stepName);
      if (found < 0) throw new Error(`${runbook.name} has no step ${stepName}`);
      return new Date(times[found]?.end ?? 0);
    },
    param: (name) => parameters[name]?.[0] ?? defaultOf(name),
    list: (name) => (parameters[name] ?? defaultOf(name).split(',')).filter((value) => value !== ''),
    outputs: execution.effects.outputs,
  };
  // Moved on first, so an emulator bug surfaces once (a 500) instead of on every later request.
  execution.effects.nextStep = index + 1;
  try {
    effect.run(step);
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    execution.failure = { stepName: runbook.steps[index]?.name ?? '', failureMessage: error.message };
  }
}

/**
 * Runs, in time order up to `now`, every runbook step effect that is due and every RDS change in
 * flight, so a step sees the state as it was when it ran. At the same moment RDS's own changes come
 * first (a wait step ending as the state is reached sees it reached); then executions in start order.
 */
export function settleAutomations(
  executions: ReadonlyMap<string, AutomationExecutionRecord>,
  rds: RdsState,
  now: Date,
): void {
  for (;;) {
    let due: DueStep | undefined;
    for (const execution of executions.values()) {
      const candidate = nextDueStep(execution);
      if (candidate && (!due || candidate.at < due.at)) due = candidate;
    }
    const change = rds.scheduled.peek();
    if (change && change.at <= now && (!due || change.at <= due.at)) {
      rds.scheduled.apply(change);
      continue;
    }
    if (!due || due.at > now) return;
    runStep(due, rds);
  }
}
