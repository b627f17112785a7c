import type { AddressInfo } from 'node:net';
import { type App, webApi } from '@slack/bolt';
import type { AwsPorts } from './aws/aws-ports.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config/config.ts';
import type { Incident } from './incident/incident.ts';
import { createLogger, type Logger } from './logger.ts';
import { Metrics } from './metrics.ts';
import { createHttpServer } from './server/http-server.ts';
import { createSnsRoute } from './server/sns-route.ts';
import { BackgroundTasks } from './services/background-tasks.ts';
import { CardSync } from './services/card-sync.ts';
import { IncidentChannels } from './services/incident-channels.ts';
import { IncidentManagerNotices } from './services/incident-manager-notices.ts';
import { IncidentManagerSync } from './services/incident-manager-sync.ts';
import { IntakeProcessor } from './services/intake.ts';
import type { ParseNotification } from './services/parse-context.ts';
import { Permissions } from './services/permissions.ts';
import { SlackLink } from './services/slack-link.ts';
import { TimelineCapture } from './services/timeline-capture.ts';
import { Triage } from './services/triage.ts';
import { createBoltApp } from './slack/bolt-app.ts';
import { SlackGateway } from './slack/slack-gateway.ts';
import { createCertificateSource } from './sns/certificate-source.ts';
import type { FetchPem } from './sns/fetch-pem-over-https.ts';
import { verifySnsMessage } from './sns/verify-sns-message.ts';
import { SqliteStore } from './store/sqlite-store.ts';
import type { Store } from './store/store.ts';

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
  bolt: App;
  /** Resolves when the inbox is drained and every card is in sync (tests, sandbox, bench). */
  settled(): Promise<void>;
  stop(): Promise<void>;
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
  const store = new SqliteStore(config.store.path);
  const slackClient = new webApi.WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000 },
  });
  const slack = new SlackGateway({ client: slackClient, metrics, logger });
  const background = new BackgroundTasks();
  const cards = new CardSync({
    store,
    slack,
    clock,
    logger,
    alertChannel: config.slack.alertChannel,
    defaultRegion: config.aws.region,
    onPosted: (seq, channel) => {
      if (channel === config.slack.alertChannel) background.run(() => slackLink.ensure(seq));
    },
  });
  const intake = new IntakeProcessor({
    store,
    parse: adapters.parseNotification,
    incidentRecords: options.aws.incidentRecords,
    signalRules: config.signals,
    clock,
    logger,
    metrics,
    onIncidentChanged: (seq) => {
      cards.request(seq);
      void incidentManager.kick();
    },
    onIncidentOpened: (incident) => openChannelFor(incident, []),
  });
  const slackLink = new SlackLink({
    store,
    slack,
    clock,
    logger,
    alertChannel: config.slack.alertChannel,
    onChanged: (seq) => {
      cards.request(seq);
      void incidentManager.kick();
    },
  });
  const notices = new IncidentManagerNotices({
    store,
    slack,
    alertChannel: config.slack.alertChannel,
    logger,
  });
  const incidentManager = new IncidentManagerSync({
    store,
    writer: options.aws.incidentManager,
    clock,
    logger,
    onLinked: (seq) => {
      cards.request(seq);
      background.run(() => slackLink.ensure(seq));
    },
    onFirstFailure: (item, message) => background.run(() => notices.failed(item, message)),
    onRecovered: (item) => background.run(() => notices.recovered(item)),
  });
  const permissions = new Permissions({
    rules: config.permissions,
    groups: { usersOf: (groupId) => slack.usergroupUsers(groupId) },
    clock,
    logger,
  });
  const channels = config.slack.incidentChannels
    ? new IncidentChannels({
        store,
        slack,
        clock,
        logger,
        isPrivate: config.slack.incidentChannelPrivate,
        onChanged: (seq) => cards.request(seq),
      })
    : undefined;
  /** Serious incidents get a channel: every declared one, and new ones of impact 1 or 2. */
  const openChannelFor = (incident: Incident, invite: string[]) => {
    if (!channels || (incident.source !== 'declared' && incident.impact > 2)) return;
    channels.request(incident, invite);
  };
  const triage = new Triage({
    store,
    permissions,
    clock,
    logger,
    responsePlanArn: config.incidents.responsePlanArn,
    onChanged: (incident, actorId) => {
      cards.request(incident.seq);
      void incidentManager.kick();
      if (channels && incident.channelId) channels.requestInvite(incident.channelId, [actorId]);
    },
    onOpened: (incident, actorId) => openChannelFor(incident, [actorId]),
  });
  const timelineCapture = new TimelineCapture({
    store,
    permissions,
    slack,
    clock,
    logger,
    onCaptured: () => void incidentManager.kick(),
  });
  const certificates = createCertificateSource({ pinnedDir: config.sns.certDir, fetchPem: options.fetchPem });
  const sns = createSnsRoute({
    verify: (raw) => verifySnsMessage(raw, { allowedTopicArns: config.sns.topicArns, certificates, clock }),
    confirmSubscription: options.aws.confirmSubscription,
    store,
    onStored: () => void intake.kick(),
    clock,
    metrics,
    logger,
  });

  const bolt = createBoltApp(config, logger);
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
  });

  let slackReady = false;
  const server = createHttpServer({
    sns,
    slackEvents: bolt.requestListener,
    isReady: () => {
      const checks = { store: store.isHealthy(), slackAuth: slackReady };
      return { ready: checks.store && checks.slackAuth, checks };
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
  const checkSlack = slack.authTest().then(
    (identity) => {
      slackReady = true;
      logger.info({ botUserId: identity.userId, teamId: identity.teamId }, 'connected to Slack');
    },
    (error: unknown) =>
      logger.error({ err: error }, 'Slack auth.test failed: check SLACK_BOT_TOKEN and SLACK_API_URL'),
  );
  // What a crash left behind: cards posted but unrecorded, notifications stored but unprocessed.
  await cards.resumeAll();
  void intake.kick();
  void incidentManager.kick();
  const retry = setInterval(() => {
    void intake.kick();
    void cards.resumeAll();
    void incidentManager.kick();
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
    bolt: bolt.app,
    async settled() {
      await checkSlack;
      // Each part can start work in another (a posted card links Incident Manager, a change posts a
      // card): loop until one whole pass finds every part idle and every card current.
      for (;;) {
        await intake.idle();
        await channels?.idle();
        await background.idle();
        await incidentManager.idle();
        await cards.idle();
        const busy = intake.busy || channels?.busy || background.busy || incidentManager.busy || cards.busy;
        if (busy) continue;
        if ((await store.listIncidentsNeedingCardSync()).length === 0) return;
        await waitForRetry();
      }
    },
    async stop() {
      clearInterval(retry);
      cards.stop();
      // Stop taking work from both doors (Slack's socket, then HTTP) before draining what came in.
      await bolt.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await intake.idle();
      await background.idle();
      await incidentManager.idle();
      await cards.idle();
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
  for (const key of config.inactiveKeys) {
    logger.warn({ key }, `config key "${key}" is accepted but not active in this version`);
  }
}
