import { RDSClient } from '@aws-sdk/client-rds';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { webApi } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { AutomationGateway } from '../../src/aws/automation-gateway.ts';
import { RdsGateway } from '../../src/aws/rds-gateway.ts';
import { RdsResourceGateway } from '../../src/aws/rds-resource-gateway.ts';
import { ManualClock } from '../../src/clock.ts';
import type { Config } from '../../src/config/config.ts';
import { FollowUpDesk } from '../../src/followups/index.ts';
import { PeopleNames } from '../../src/incident-manager/index.ts';
import { TimelineCapture } from '../../src/incidents/timeline-capture.ts';
import { Triage } from '../../src/incidents/triage.ts';
import { createLogger } from '../../src/logger.ts';
import { Metrics } from '../../src/metrics.ts';
import { Escalation } from '../../src/paging/escalation.ts';
import { noOnCall } from '../../src/paging/on-call-resolver.ts';
import { Pager } from '../../src/paging/pager.ts';
import { NO_ESCALATION } from '../../src/paging/policy.ts';
import { Permissions } from '../../src/permissions/permissions.ts';
import { RdsDesk } from '../../src/rds/rds-desk.ts';
import { ReviewWriter } from '../../src/reviews/index.ts';
import { RouteInquiry, SignalRouter } from '../../src/routes/index.ts';
import { wireRunbooks } from '../../src/runbooks/wire-runbooks.ts';
import { SlackGateway } from '../../src/slack/slack-gateway.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';

export const TEST_CONFIG: Config = {
  port: 0,
  logLevel: 'silent',
  configPath: 'warroom.yml',
  slack: {
    botToken: 'xoxb-unit',
    apiUrl: 'http://127.0.0.1:9/api/',
    alertChannel: 'C0ALERTS',
    incidentChannels: false,
    incidentChannelPrivate: false,
  },
  aws: { region: 'us-east-1' },
  store: { kind: 'sqlite', path: ':memory:' },
  sns: { topicArns: [] },
  incidents: {},
  signals: [],
  storms: { enabled: true, threshold: 5, windowMs: 120_000 },
  routes: [],
  permissions: { declare: ['*'], triage: ['*'], resolve: ['*'], runbook: ['*'], page: ['*'] },
  runbooks: { catalog: [], approvalTimeoutMs: 30 * 60_000, approvers: [] },
  escalation: NO_ESCALATION,
  followups: { opsCenter: true },
  oncall: { rotations: {} },
  accounts: {},
  leaseSeconds: 30,
  shutdownGraceSeconds: 10,
  inactiveKeys: [],
};

/** Real store (in memory), permissions and triage; Slack and RDS gateways that must not be called. */
export function buildUnitDeps(): SlackHandlerDeps {
  const clock = new ManualClock();
  const logger = createLogger({ level: 'silent' });
  const store = new SqliteStore(':memory:');
  const permissions = new Permissions({
    rules: TEST_CONFIG.permissions,
    groups: { usersOf: async () => [], listGroups: async () => [] },
    clock,
    logger,
  });
  const metrics = new Metrics();
  const client = new webApi.WebClient('xoxb-unit', { slackApiUrl: TEST_CONFIG.slack.apiUrl });
  const slack = new SlackGateway({ client, metrics, logger });
  return {
    config: TEST_CONFIG,
    store,
    clock,
    logger,
    metrics,
    permissions,
    triage: new Triage({ store, permissions, clock, logger, onChanged: () => {} }),
    slack,
    // No OpsCenter: warroom's own follow-up records only.
    followUps: new FollowUpDesk({ store, clock, logger, incidentLink: async () => undefined }),
    timelineCapture: new TimelineCapture({ store, permissions, slack, clock, logger }),
    rds: new RdsDesk({
      rds: new RdsGateway(
        new RDSClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', maxAttempts: 1 }),
      ),
      store,
      slack,
      clock,
      logger,
      alertChannel: TEST_CONFIG.slack.alertChannel,
      onTimeline: () => {},
    }),
    runbooks: wireRunbooks({
      config: TEST_CONFIG,
      store,
      slack,
      clock,
      logger,
      aws: {
        automation: new AutomationGateway(new SSMClient({ ...nowhere, region: 'us-east-1' })),
        rdsResources: new RdsResourceGateway(new RDSClient({ ...nowhere, region: 'us-east-1' })),
      },
      permissions,
      onTimeline: () => {},
    }),
    escalation: new Escalation({
      config: NO_ESCALATION,
      store,
      pager: new Pager({ store, slack, onCall: noOnCall, clock, logger, alertChannel: 'C0ALERTS' }),
      clock,
      logger,
      alertChannel: 'C0ALERTS',
    }),
    routeInquiry: new RouteInquiry({
      router: new SignalRouter({
        routes: TEST_CONFIG.routes,
        alertChannel: TEST_CONFIG.slack.alertChannel,
        lookupAccount: () => undefined,
        logger,
      }),
      signalRules: TEST_CONFIG.signals,
      region: TEST_CONFIG.aws.region,
      describeInstance: async () => {
        throw new Error('unit tests read no RDS');
      },
    }),
    reviews: new ReviewWriter({
      store,
      slack,
      clock,
      logger,
      names: new PeopleNames({ slack, clock, logger }),
      alertChannel: TEST_CONFIG.slack.alertChannel,
      defaultRegion: TEST_CONFIG.aws.region,
      replicaId: 'unit',
      onChanged: () => {},
    }),
  };
}

/** AWS clients aimed at a closed port, for deps whose AWS side a unit test never reaches. */
const nowhere = { endpoint: 'http://127.0.0.1:9', maxAttempts: 1 };

export interface Invocation {
  /** 'ack' and 'respond' in the order they happened, with anything the test adds. */
  events: string[];
  replies: RespondArguments[];
  /** What the listener threw (Bolt hands it to app.error). */
  thrown?: unknown;
}

/** Calls a command listener as Bolt would, recording the ack and the replies. */
export async function invoke(
  listener: (args: SlackCommandMiddlewareArgs) => Promise<void>,
  text: string,
  events: string[] = [],
): Promise<Invocation> {
  const replies: RespondArguments[] = [];
  const command = {
    token: 'unit',
    command: '/incident',
    text,
    response_url: 'https://hooks.slack.test/commands/1',
    trigger_id: '1.2.unit-trigger',
    user_id: 'U0ALICE',
    user_name: 'alice',
    team_id: 'T0WARROOM',
    team_domain: 'warroom',
    channel_id: 'C0ALERTS',
    channel_name: 'alerts',
    api_app_id: 'A0WARROOM',
  };
  const args: SlackCommandMiddlewareArgs = {
    payload: command,
    command,
    body: command,
    say: async () => ({ ok: true }),
    ack: async () => {
      events.push('ack');
    },
    respond: async (message) => {
      events.push('respond');
      replies.push(typeof message === 'string' ? { text: message } : message);
      return new Response('ok');
    },
  };
  try {
    await listener(args);
    return { events, replies };
  } catch (thrown) {
    return { events, replies, thrown };
  }
}
