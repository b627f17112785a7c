/** The drill capability's public entry: what the rest of warroom may use of it. */

export type { Debrief } from './debrief.ts';
export {
  evaluateDebrief,
  expectationLabel,
  nextIncidentSeq,
  readDrillIncidents,
  scoreDebrief,
  scoreText,
} from './debrief.ts';
export type { DrillMessage } from './drill-messages.ts';
export { buildDrillBriefing, buildDrillDebrief } from './drill-messages.ts';
export { DrillSlackGateway } from './drill-slack-gateway.ts';
export { briefingText, debriefText } from './drill-text.ts';
export { assertAwsStaysLocal, localAwsEnvironment, useLocalAwsOnly } from './local-aws-guard.ts';
export type {
  AwsSeed,
  ClusterSeedSpec,
  InstanceSeedSpec,
  MetricSeedSpec,
} from './scenarios/aws-seed-schema.ts';
export type { BuildContext } from './scenarios/build-context.ts';
export type { ScenarioPublish } from './scenarios/build-step-notifications.ts';
export { buildScenarioNotifications, buildStep } from './scenarios/build-step-notifications.ts';
export type { LoadedScenario } from './scenarios/load-scenarios.ts';
export {
  BUILT_IN_SCENARIO_DIR,
  DEFAULT_SCENARIO_ID,
  findScenario,
  loadScenarioFile,
  loadScenarios,
} from './scenarios/load-scenarios.ts';
export type { Scenario } from './scenarios/scenario-schema.ts';
export type { WaitOutcome } from './wait-for-team.ts';
export { waitForTeam } from './wait-for-team.ts';
