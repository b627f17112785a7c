import { join } from 'node:path';
import {
  BUILT_IN_SCENARIO_DIR,
  buildScenarioNotifications,
  loadScenarioFile,
} from '../../src/drill/index.ts';

/** One SNS publish of a scenario: what it is, and the Subject and Message AWS would send. */
export interface ScenarioStep {
  label: string;
  subject?: string;
  message: string;
}

/**
 * The sandbox's first scenario (rds-cpu-then-failover.yml) as AWS would publish it, starting at
 * `at`: a CloudWatch CPU alarm on `orders-db`, then the Multi-AZ failover RDS reports 90 s later.
 * Both belong to one problem, so they must make one card, updated in place. Tests and benchmarks
 * use it as a ready-made pair of signals.
 */
export function rdsCpuThenFailover(options: {
  accountId: string;
  region: string;
  topicArn: string;
  at: Date;
}): ScenarioStep[] {
  const { scenario } = loadScenarioFile(join(BUILT_IN_SCENARIO_DIR, 'rds-cpu-then-failover.yml'));
  const { at, ...context } = options;
  return buildScenarioNotifications(scenario, at, context).map(({ label, subject, message }) => ({
    label,
    ...(subject !== undefined ? { subject } : {}),
    message,
  }));
}
