import type { AwsPorts } from '../aws/aws-ports.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config/config.ts';
import type { Incident } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { Permissions } from '../permissions/index.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import type { LeasedWork } from '../work/leased-work.ts';
import { AutomationFollower } from './automation-follower.ts';
import { placeAutomation } from './automation-place.ts';
import { RunbookApprovals } from './runbook-approvals.ts';
import { RunbookPlanner } from './runbook-planner.ts';
import { RunbookRequestMessages } from './runbook-request-messages.ts';
import { Runbooks } from './runbooks.ts';
import { type StopOutcome, stopExecution } from './stop-execution.ts';

/** Everything about runbooks that the Slack listeners and the lifecycle use. */
export interface RunbookServices {
  runbooks: Runbooks;
  approvals: RunbookApprovals;
  /** Polls due executions, expires requests and brings their thread messages up to date. */
  follower: AutomationFollower;
  stop(executionId: string, actorId: string): Promise<StopOutcome>;
}

export interface RunbookWiringInput {
  /** Leases shared with the other replicas: one follows each execution at a time. */
  leased?: LeasedWork;
  config: Config;
  store: Store;
  slack: SlackGateway;
  clock: Clock;
  logger: Logger;
  /** `inAccount` (absent in some tests) sends each incident's runbooks to its account and Region. */
  aws: Pick<AwsPorts, 'automation' | 'rdsResources' | 'inAccount'>;
  permissions: Permissions;
  /** A timeline entry was written: Incident Manager's outbox should drain. */
  onTimeline: () => void;
  /** A person ran, asked for or approved a runbook on an incident (it counts as acknowledged). */
  onActed?: (seq: number, actorId: string, how: string) => void;
}

/** Builds the runbook use cases and how they follow each other (part of the composition root). */
export function wireRunbooks(input: RunbookWiringInput): RunbookServices {
  const { config, store, slack, clock, logger, aws, permissions } = input;
  const catalog = config.runbooks.catalog;
  const alertChannel = config.slack.alertChannel;
  const changed = () => {
    input.onTimeline();
    void follower.tick();
  };
  const placeOf = placeAutomation({
    home: aws,
    inAccount: aws.inAccount,
    accounts: config.accounts,
    region: config.aws.region,
    roleArn: config.runbooks.roleArn,
  });
  // An execution is followed and stopped where it started: its incident's account and Region.
  const automationFor = (incident: Incident | undefined) =>
    incident ? placeOf(incident).automation : aws.automation;
  const planner = new RunbookPlanner({ placeOf, clock });
  const approvals: RunbookApprovals = new RunbookApprovals({
    store,
    clock,
    logger,
    timeoutMs: config.runbooks.approvalTimeoutMs,
    runbooks: () => runbooks,
    onChanged: changed,
    onActed: input.onActed,
  });
  const runbooks = new Runbooks({
    store,
    permissions,
    planner,
    catalog,
    clock,
    logger,
    requestApproval: (plan, actorId, requestKey, overrides) =>
      approvals.request(plan, actorId, requestKey, overrides),
    onExecutionChanged: changed,
    onActed: input.onActed,
  });
  const requestMessages = new RunbookRequestMessages({
    store,
    slack,
    logger,
    alertChannel,
    catalog,
    approvers: { holders: config.permissions.runbook, asked: config.runbooks.approvers },
  });
  const follower: AutomationFollower = new AutomationFollower({
    store,
    leased: input.leased,
    automationOf: async (seq) => automationFor(await store.getIncident(seq)),
    slack,
    clock,
    logger,
    alertChannel,
    catalog,
    onTimeline: input.onTimeline,
    // Expiring a request writes the timeline too; finding a start whose answer was lost records it.
    alsoOnTick: async () => {
      await runbooks.resolveUnconfirmed();
      const { expired, needing } = await approvals.expireDue();
      if (expired) input.onTimeline();
      await requestMessages.showAll(needing);
    },
  });
  return {
    runbooks,
    approvals,
    follower,
    stop: (executionId, actorId) =>
      stopExecution(
        { store, permissions, automationFor, clock, logger, onExecutionChanged: changed },
        executionId,
        actorId,
      ),
  };
}
