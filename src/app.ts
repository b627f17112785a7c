import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { App } from '@slack/bolt';
import type { AwsPorts } from './aws/aws-ports.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config/config.ts';
import { wireCoreServices } from './core-services.ts';
import { DrillSlackGateway } from './drill/index.ts';
import { FollowUpDesk } from './followups/index.ts';
import type { IncidentManagerSync } from './incident-manager/index.ts';
import type { CardSync, TimelineCapture, Triage } from './incidents/index.ts';
import type { FetchPem, IntakeProcessor, ParseNotification } from './intake/index.ts';
import { checkSqsQueue, createCertificateSource, createSqsIntake, verifySnsMessage } from './intake/index.ts';
import { createLogger, type Logger } from './logger.ts';
import { Metrics } from './metrics.ts';
import type { Escalation, SsmOnCallReader } from './paging/index.ts';
import type { Permissions } from './permissions/index.ts';
import type { RdsDesk } from './rds/index.ts';
import type { ReviewWriter } from './reviews/index.ts';
import type { RouteInquiry } from './routes/index.ts';
import type { RunbookServices } from './runbooks/index.ts';
import { catalogWarnings } from './runbooks/index.ts';
import { createHttpServer } from './server/http-server.ts';
import { createSlackEventsRoute } from './server/slack-events-route.ts';
import { createSnsRoute } from './server/sns-route.ts';
import { createBoltApp } from './slack/bolt-app.ts';
import { BotAuthorization, type BotIdentity } from './slack/bot-authorization.ts';
import { createTellSender } from './slack/payload/tell-sender.ts';
import { createSlackWebClient } from './slack/slack-api-caller.ts';
import { SlackGateway } from './slack/slack-gateway.ts';
import type { SlackPacer } from './slack/slack-pacer.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';
import { drainWithin, type GraceWait } from './work/drain-within.ts';
import { LeasedWork } from './work/leased-work.ts';

/** What the Slack listeners in handlers/ and commands/ get. */
export interface SlackHandlerDeps {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  triage: Triage;
  permissions: Permissions;
  slack: SlackGateway;
  timelineCapture: TimelineCapture;
  rds: RdsDesk;
  runbooks: RunbookServices;
  escalation: Escalation;
  /** Incident Manager Contacts rotations for `/incident oncall`, when SSM Contacts is configured. */
  ssmOnCall?: SsmOnCallReader;
  /** `/incident route`: where a signal about a resource would go, and why. */
  routeInquiry: RouteInquiry;
  /** `/incident review`, the card's Review button and Mark review complete. */
  reviews: ReviewWriter;
  /** Follow-ups and their OpsCenter OpsItems. */
  followUps: FollowUpDesk;
}

/**
 * The adapters warroom runs with. They live in handlers/ and commands/, which depend on src/ and
 * never the other way, so the entry point (bin/) hands them in.
 */
export interface WarroomAdapters {
  parseNotification: ParseNotification;
  registerSlackHandlers: (app: App, deps: SlackHandlerDeps) => void;
}

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** How SNS signing certificates are fetched when not pinned (tests refuse the network). */
  fetchPem?: FetchPem;
  aws: AwsPorts;
  /** How often pending notifications and failed cards are retried, in ms. */
  retryIntervalMs?: number;
  /** A drill (bin/drill.ts): every message warroom sends to Slack is marked DRILL. */
  drill?: boolean;
  /**
   * Holds warroom's Slack calls under Slack's limits. Default: Slack's published limits on real
   * time (never `clock`: a test's hand-moved clock does not move while a call waits).
   */
  slackPacer?: SlackPacer;
}

export interface RunningWarroom {
  port: number;
  url: string;
  store: Store;
  metrics: Metrics;
  intake: IntakeProcessor;
  cards: CardSync;
  incidentManager: IncidentManagerSync;
  triage: Triage;
  /** Runbooks; tests with a ManualClock call `runbooks.follower.tick()` after moving the clock. */
  runbooks: RunbookServices;
  /** Escalation and reminders; tests with a ManualClock call `escalation.tick()` after moving it. */
  escalation: Escalation;
  /** Follow-ups; tests call `followUps.syncSome()` to run a background read-back pass. */
  followUps: FollowUpDesk;
  bolt: App;
  /** Resolves when the inbox is drained and every card is in sync (tests, sandbox, bench). */
  settled(): Promise<void>;
  /** Stops taking work, waits up to the grace for work in hand, then closes the store. */
  stop(options?: StopOptions): Promise<void>;
}

export interface StopOptions {
  /** Default: `shutdownGraceSeconds` from warroom.yml. */
  graceMs?: number;
  /** How the grace is waited out (tests inject one that they end by hand). */
  wait?: GraceWait;
}

/** The one composition root: builds every dependency once and wires them together. */
export async function startWarroom(
  config: Config,
  adapters: WarroomAdapters,
  options: StartOptions,
): Promise<RunningWarroom> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = new Metrics();
  // Checked before anything opens, so a wrong SQS_QUEUE_URL stops start-up with nothing left behind.
  const sqsQueue = config.sqs ? options.aws.openSqsQueue(config.sqs.queueUrl) : undefined;
  const sqsChecked = sqsQueue ? (await checkSqsQueue(sqsQueue, logger, metrics)) !== undefined : false;
  const slackClient = createSlackWebClient(config.slack.botToken, config.slack.apiUrl);
  // Aborted by stop(): Slack calls stop retrying, so failing work ends instead of eating the grace.
  const stopping = new AbortController();
  const gatewayOptions = {
    client: slackClient,
    metrics,
    logger,
    pacer: options.slackPacer,
    stopping: stopping.signal,
  };
  const slack = options.drill ? new DrillSlackGateway(gatewayOptions) : new SlackGateway(gatewayOptions);
  // A token Slack refuses stops start-up here, in words; Slack unreachable only delays readiness.
  const botAuthorization = new BotAuthorization(config.slack.botToken, () => slack.authTest());
  const identity = await botAuthorization.verify();
  const store = await openStore(config.store, config.aws.region);
  // Several replicas share a DynamoDB table: background work is leased, one replica at a time. A
  // SQLite file has one process, whose transactions already decide everything once; leases there
  // would only make a restart after a crash wait for the dead run's leases to run out.
  // A restart is a new replica: a lease (or a review's claim) a killed run held is taken over.
  const replicaId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leased =
    config.store.kind === 'dynamodb'
      ? new LeasedWork({
          leases: store.leases,
          owner: replicaId,
          clock,
          leaseMs: config.leaseSeconds * 1000,
        })
      : undefined;
  const { cards, intake, incidentManager, permissions, triage, timelineCapture, ...core } = wireCoreServices({
    config,
    store,
    leased,
    replicaId,
    slack,
    clock,
    logger,
    metrics,
    parseNotification: adapters.parseNotification,
    aws: options.aws,
  });
  const followUps = new FollowUpDesk({
    store,
    clock,
    logger,
    opsCenter: config.followups.opsCenter ? options.aws.opsCenter : undefined,
    incidentLink: async (incident) => {
      if (incident.slackPermalink) return incident.slackPermalink;
      const card = await store.getCard(incident.seq, config.slack.alertChannel);
      return card?.ts ? await slack.permalink(card.channel, card.ts) : undefined;
    },
  });
  const certificates = createCertificateSource({ pinnedDir: config.sns.certDir, fetchPem: options.fetchPem });
  const verifySns = (raw: string) =>
    verifySnsMessage(raw, { allowedTopicArns: config.sns.topicArns, certificates, clock });
  const sns = createSnsRoute({
    verify: verifySns,
    confirmSubscription: options.aws.confirmSubscription,
    store,
    onStored: () => void intake.kick(),
    clock,
    metrics,
    logger,
  });
  const sqsIntake = sqsQueue
    ? createSqsIntake({
        queue: sqsQueue,
        checked: sqsChecked,
        verify: verifySns,
        confirmSubscription: options.aws.confirmSubscription,
        store,
        onStored: () => void intake.kick(),
        clock,
        logger,
        metrics,
      })
    : undefined;

  const bolt = createBoltApp(config, logger, botAuthorization, {
    logger,
    metrics,
    tell: createTellSender({ slack, logger }),
  });
  adapters.registerSlackHandlers(bolt.app, {
    config,
    store,
    clock,
    logger,
    metrics,
    triage,
    permissions,
    slack,
    timelineCapture,
    rds: core.rds,
    runbooks: core.runbooks,
    escalation: core.escalation,
    ssmOnCall: core.ssmOnCall,
    routeInquiry: core.routeInquiry,
    reviews: core.reviews,
    followUps,
  });

  const server = createHttpServer({
    sns,
    slackEvents:
      bolt.requestListener &&
      createSlackEventsRoute({
        boltListener: bolt.requestListener,
        signingSecret: config.slack.signingSecret ?? '',
        logger,
      }),
    isReady: () => {
      const checks = {
        store: store.isHealthy(),
        slackAuth: botAuthorization.connected,
        ...(sqsIntake ? { sqs: sqsIntake.queueReachable } : {}),
      };
      return { ready: Object.values(checks).every(Boolean), checks };
    },
    metrics,
    logger,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  try {
    await bolt.start();
  } catch (error) {
    // A start that fails half-way must not leave a port bound and the store open behind it.
    server.close();
    store.close();
    throw error;
  }

  warnAboutConfig(config, logger);
  const checkSlack = (identity ? Promise.resolve(identity) : botAuthorization.identify()).then(
    (found: BotIdentity) =>
      logger.info({ botUserId: found.botUserId, teamId: found.teamId }, 'connected to Slack'),
    (error: unknown) =>
      logger.error(
        { err: error },
        'Slack auth.test failed: check SLACK_BOT_TOKEN and SLACK_API_URL (retried on the next Slack request)',
      ),
  );
  // What a crash left behind: cards posted but unrecorded, notifications stored but unprocessed.
  await cards.resumeAll();
  void intake.kick();
  void incidentManager.kick();
  sqsIntake?.start();
  // Executions and snapshots started before a restart are followed again from the store.
  void core.runbooks.follower.tick();
  core.rds
    .resume()
    .catch((error: unknown) => logger.warn({ err: error }, 'could not resume snapshot watches'));
  // Stages that fell due while warroom was down fire now (each once: they are claimed first).
  core.escalation.start();
  void core.escalation.tick();
  const retry = setInterval(() => {
    void intake.kick();
    void cards.resumeAll();
    void incidentManager.kick();
    void core.runbooks.follower.tick();
    // What people changed in OpsCenter: a few open follow-ups read back per pass.
    followUps.syncSome().catch((error: unknown) => logger.warn({ err: error }, 'follow-up sync failed'));
  }, options.retryIntervalMs ?? 5000);
  retry.unref();
  logger.info({ port, socketMode: bolt.socketMode }, 'warroom is listening');

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    store,
    metrics,
    intake,
    cards,
    incidentManager,
    triage,
    runbooks: core.runbooks,
    escalation: core.escalation,
    followUps,
    bolt: bolt.app,
    async settled() {
      await checkSlack;
      do await core.idle();
      while ((await store.listIncidentsNeedingCardSync()).length > 0 && (await waitForRetry()));
    },
    async stop(options: StopOptions = {}) {
      // Stop taking work at once: new connections are refused (a load balancer moves on to another
      // replica), the timers and pollers end, and nothing new is scheduled.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      clearInterval(retry);
      core.stop();
      stopping.abort();
      // In-flight work gets the grace; what is still failing after it stays in the store, and the
      // next start (this replica or another) finishes it.
      const graceMs = options.graceMs ?? config.shutdownGraceSeconds * 1000;
      const drain = (async () => {
        // Ends the long poll at once; a message in hand is finished (stored, then deleted) first.
        await sqsIntake?.stop();
        await bolt.stop();
        await core.idle();
        await closed;
      })();
      const outcome = await drainWithin(
        drain.catch((error: unknown) => logger.warn({ err: error }, 'stopping: draining failed')),
        graceMs,
        options.wait,
      );
      if (outcome === 'grace-over') {
        logger.warn(
          { graceMs },
          'stopping: grace over; unfinished work stays in the store for the next start',
        );
      }
      server.closeAllConnections();
      await leased?.releaseAll();
      store.close();
    },
  };
}

/** A card sync that failed is retried on a timer; settled() waits a beat for it. */
function waitForRetry(): Promise<boolean> {
  return new Promise((resolve) => setTimeout(() => resolve(true), 50));
}

function warnAboutConfig(config: Config, logger: Logger): void {
  if (config.sns.topicArns.length === 0) {
    logger.warn('sns.topicArns is empty: every SNS message will be refused until a topic is listed');
  }
  for (const warning of catalogWarnings(config.runbooks.catalog, config.runbooks.roleArn))
    logger.warn(warning);
  for (const key of config.inactiveKeys) {
    logger.warn({ key }, `config key "${key}" is accepted but not active in this version`);
  }
}
