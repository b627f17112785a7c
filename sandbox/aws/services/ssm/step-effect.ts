import { AwsServiceError } from '../../service-error.ts';
import type { RdsState } from '../rds/rds-state.ts';

/** Every Automation failure message ends so. */
const GUIDE = 'Please refer to Automation Service Troubleshooting Guide for more diagnosis details.';

/** A step that fails; its message becomes the step's and the execution's FailureMessage. */
export class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFailure';
  }
}

/** What a step's effect may use: RDS, the moment it acts, the execution's parameters and outputs. */
export interface StepRun {
  rds: RdsState;
  /** When the effect happens: the step's start for a call, its end for a check. */
  at: Date;
  /** When the named step of this execution ends: a wait step ends as the state it waits for is reached. */
  endOf(stepName: string): Date;
  /** The parameter's first value, else its default, else ''. */
  param(name: string): string;
  /** All values of a StringList parameter. */
  list(name: string): string[];
  /** Values a step hands to later ones, e.g. the instance id found from a resource id. */
  outputs: Map<string, string>;
}

export interface StepEffect {
  /** `start` (default): the step's API call. `end`: a wait or check that judges the state as the step ends. */
  when?: 'start' | 'end';
  run(step: StepRun): void;
}

/** Step name → effect, for one document; steps not named change nothing and succeed. */
export type RunbookEffects = Readonly<Record<string, StepEffect>>;

/**
 * Makes an RDS call inside a step: a refusal fails the step with the error as Automation reports
 * a failed AWS call (boto's "An error occurred (Code) when calling the X operation: …").
 */
export function callRds<T>(operation: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof AwsServiceError)) throw error;
    throw new StepFailure(
      `Step fails when it is Executing. An error occurred (${error.queryCode}) when calling the ${operation} operation: ${error.message}. ${GUIDE}`,
    );
  }
}

/** An assert or wait step that found the property at another value. */
export function propertyMismatch(actual: unknown, desired: readonly string[]): StepFailure {
  const wanted = desired.map((value) => `'${value}'`).join(', ');
  return new StepFailure(
    `Step fails when it is Execute/Cancelling action. Property value '${String(actual)}' from the API output is not in the desired values. Desired values: [${wanted}]. ${GUIDE}`,
  );
}

/** A script step that judged the outcome wrong, in its own words. */
export function scriptFailure(message: string): StepFailure {
  return new StepFailure(`Step fails when it is Executing. ${message} ${GUIDE}`);
}

/** A check step: at its end, reads a property and fails unless it has one of the desired values. */
export function expectProperty(
  read: (step: StepRun) => unknown,
  desired: readonly string[],
  operation = 'DescribeDBInstances',
): StepEffect {
  return {
    when: 'end',
    run(step) {
      const actual = callRds(operation, () => read(step));
      if (!desired.includes(String(actual))) throw propertyMismatch(actual, desired);
    },
  };
}
