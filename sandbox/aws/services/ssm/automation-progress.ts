import type { AutomationExecutionRecord } from './ssm-state.ts';

/** How long an execution stays Pending before its first step starts. */
export const PENDING_MS = 1000;

export type RunStatus = 'Pending' | 'InProgress' | 'Success' | 'Failed' | 'Cancelled';

export interface StepView {
  id: string;
  name: string;
  action: string;
  status: RunStatus;
  start: Date;
  end?: Date;
  failureMessage?: string;
}

export interface ExecutionView {
  status: RunStatus;
  /** Steps that have started, in order. */
  steps: StepView[];
  current?: StepView;
  end?: Date;
  failureMessage?: string;
}

/**
 * Where an execution is at `now`, derived from its start time and each step's duration (so a
 * test moves it forward by advancing the injected clock): Pending for PENDING_MS, then each step
 * InProgress in turn, then Success; a planned failure fails its step at the step's end; a stop
 * cancels the running step at the stop time. Pure: reads the record, never changes it.
 */
export function viewExecution(execution: AutomationExecutionRecord, now: Date): ExecutionView {
  const start = execution.startTime.getTime();
  const stopAt = execution.stoppedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const horizon = Math.min(now.getTime(), stopAt);
  const stopped = stopAt <= now.getTime();
  const steps: StepView[] = [];
  if (horizon < start + PENDING_MS) {
    return stopped ? { status: 'Cancelled', steps, end: execution.stoppedAt } : { status: 'Pending', steps };
  }
  let cursor = start + PENDING_MS;
  for (const [index, step] of execution.runbook.steps.entries()) {
    const stepEnd = cursor + step.seconds * 1000;
    const base = {
      id: execution.stepExecutionIds[index] ?? '',
      name: step.name,
      action: step.action,
      start: new Date(cursor),
    };
    if (horizon < stepEnd) {
      if (stopped) {
        const cancelled: StepView = { ...base, status: 'Cancelled', end: execution.stoppedAt };
        return { status: 'Cancelled', steps: [...steps, cancelled], end: execution.stoppedAt };
      }
      const running: StepView = { ...base, status: 'InProgress' };
      return { status: 'InProgress', steps: [...steps, running], current: running };
    }
    if (execution.failure?.stepName === step.name) {
      const { failureMessage } = execution.failure;
      const failed: StepView = { ...base, status: 'Failed', end: new Date(stepEnd), failureMessage };
      return { status: 'Failed', steps: [...steps, failed], end: new Date(stepEnd), failureMessage };
    }
    steps.push({ ...base, status: 'Success', end: new Date(stepEnd) });
    cursor = stepEnd;
  }
  return { status: 'Success', steps, end: new Date(cursor) };
}

export const isFinished = (status: RunStatus) =>
  status === 'Success' || status === 'Failed' || status === 'Cancelled';
