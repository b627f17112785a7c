import { regionOf } from './aws/account-ports.ts';
import type { AwsPorts } from './aws/aws-ports.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config/config.ts';
import { listFollowUpsFor } from './followups/index.ts';
import {
  IncidentManagerNotices,
  IncidentManagerSync,
  PeopleNames,
  SlackLink,
} from './incident-manager/index.ts';
import type { Impact, Incident } from './incidents/index.ts';
import {
  CardSync,
  IncidentChannels,
  MetricPicture,
  recordLifecycleMetrics,
  TimelineCapture,
  Triage,
} from './incidents/index.ts';
import type { ParseNotification } from './intake/index.ts';
import { IntakeProcessor } from './intake/index.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { Escalation, OnCallResolver, SsmOnCallReader } from './paging/index.ts';
import { wireEscalation } from './paging/index.ts';
import { Permissions } from './permissions/index.ts';
import { RdsDesk } from './rds/index.ts';
import { ReviewWriter } from './reviews/index.ts';
import { type AccountLookup, createTagReader, RouteInquiry, SignalRouter } from './routes/index.ts';
import { fittingRunbooks, type RunbookServices, wireRunbooks } from './runbooks/index.ts';
import type { SlackGateway } from './slack/slack-gateway.ts';
import type { Store } from './store/store.ts';
import { StormFollower, StormGrouper, StormThread, StormZones } from './storms/index.ts';
import { BackgroundTasks } from './work/background-tasks.ts';
import type { LeasedWork } from './work/leased-work.ts';

export interface CoreServicesInput {
  config: Config;
  store: Store;
  slack: SlackGateway;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  parseNotification: ParseNotification;
  aws: AwsPorts;
  /** Who is on call in a rotation (`rotation:<name>` targets); default: `oncall.rotations` via whoIsOnCall. */
  onCall?: OnCallResolver;
  /** Leases on background work shared with the other replicas on the store (docs/store.md). */
  leased?: LeasedWork;
  /** This process among the replicas (the review's claim names it); default: one made up here. */
  replicaId?: string;
}

export interface CoreServices {
  cards: CardSync;
  intake: IntakeProcessor;
  incidentManager: IncidentManagerSync;
  permissions: Permissions;
  triage: Triage;
  timelineCapture: TimelineCapture;
  /** `/incident rds` and the card's Database menu; follows snapshots until reported. */
  rds: RdsDesk;
  /** Runbooks: start, two-person approval, follow, stop. */
  runbooks: RunbookServices;
  /** Escalation stages, manual pages and reminders; tests call `escalation.tick()` after moving the clock. */
  escalation: Escalation;
  /** Incident Manager Contacts rotations (`ssmRotation`/`ssmContact`), when SSM Contacts is configured. */
  ssmOnCall?: SsmOnCallReader;
  /** `/incident route`: where a signal about a resource would go, decided by intake's own router. */
  routeInquiry: RouteInquiry;
  /** The post-incident review: drafted on resolve, regenerated on request, completed. */
  reviews: ReviewWriter;
  /** Resolves once one whole pass finds every part idle (each part can start work in another). */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * The use cases and how they follow each other (part of the composition root, kept apart from the
 * server and lifecycle in app.ts): a change updates the card and writes Incident Manager; a posted
 * card links Incident Manager; a serious incident opens a channel; people who act are invited.
 */
export function wireCoreServices(input: CoreServicesInput): CoreServices {
  const { config, store, slack, clock, logger, metrics } = input;
  const background = new BackgroundTasks();
  const warn = (what: string) => (error: unknown) => logger.warn({ err: error }, what);
  // Every AWS call about an incident goes to its account (a role's, `accounts:`) and Region.
  const portsOf = (incident: Incident) =>
    input.aws.inAccount?.(
      incident.resource?.accountId ?? incident.accountId,
      regionOf(incident, config.aws.region),
    );
  const cards = new CardSync({
    store,
    leased: input.leased,
    slack,
    clock,
    logger,
    alertChannel: config.slack.alertChannel,
    defaultRegion: config.aws.region,
    accounts: config.accounts,
    offersRunbooks: (incident) => fittingRunbooks(config.runbooks.catalog, incident.resource).length > 0,
    onPosted: (seq, _channel, home) => {
      // Its thread is where pages, the metric picture and the storm's member list go.
      if (!home) return;
      stormThread.request(seq);
      background.run(() => slackLink.ensure(seq));
      background.run(() => metricPicture.ensure(seq));
      // A stage due at 0s waits for the card, whose thread it pings.
      background.run(() => escalation.tick().catch(warn('escalation pass failed')));
    },
    offersPaging: (incident) => escalation.onCallFor(incident) !== undefined,
    // Impact, title, status or owner changed, by whatever path: every open page DM shows it too.
    onSynced: (incident) =>
      background.run(() => pager.refreshDms(incident).catch(warn('could not refresh page DMs'))),
  });
  const storms = new StormGrouper({
    store,
    clock,
    rule: config.storms,
    onImpactRaised: (storm, from) => followRaisedImpact(storm, from),
  });
  const stormThread = new StormThread({
    store,
    leased: input.leased,
    slack,
    clock,
    logger,
    alertChannel: config.slack.alertChannel,
  });
  // Where the storm's databases run, read from RDS after intake, never on its path.
  const stormZones = new StormZones({
    store,
    rds: input.aws.rds,
    rdsFor: (member) => portsOf(member)?.rds ?? input.aws.rds,
    clock,
    logger,
    onChanged: (seq) => cards.request(seq),
  });
  // A member acknowledged, resolved or re-rated on its own: the storm's card and thread catch up.
  const stormFollower = new StormFollower({
    grouper: storms,
    logger,
    onChanged: (storm) => {
      cards.request(storm.seq);
      stormThread.request(storm.seq);
      void incidentManager.kick();
      background.run(() => escalation.stopIfHandled(storm).catch(warn('could not stop escalation')));
    },
  });
  // What `accounts:` says about an account id; nothing until that key exists (the one place to swap).
  const lookupAccount: AccountLookup = (accountId) => config.accounts[accountId];
  const router = new SignalRouter({
    routes: config.routes,
    alertChannel: config.slack.alertChannel,
    lookupAccount,
    readTags: createTagReader({ tags: input.aws.resourceTags, clock, logger }).readTags,
    logger,
  });
  // A signal made an incident (or, through a member, a storm) worse: as if it had opened at the
  // new impact, its channel opens and the escalation rule for that impact applies (a snooze ends).
  const followRaisedImpact = (incident: Incident, from: Impact) => {
    if (from > 2) openChannelFor(incident, []);
    background.run(() =>
      escalation.followRaisedImpact(incident).catch(warn('could not follow the raised impact')),
    );
  };
  const routeInquiry = new RouteInquiry({
    router,
    signalRules: config.signals,
    region: config.aws.region,
    describeInstance: (id) => input.aws.rds.describeInstance(id),
  });
  const intake = new IntakeProcessor({
    store,
    leased: input.leased,
    parse: input.parseNotification,
    incidentRecords: input.aws.incidentRecords,
    signalRules: config.signals,
    route: (alert, impact) => router.route(alert, impact),
    clock,
    logger,
    metrics,
    onIncidentChanged: (changed) => {
      cards.request(changed.seq);
      stormThread.request(changed);
      stormZones.request(changed);
      void incidentManager.kick();
    },
    storms,
    onJoinedStorm: (member) => {
      background.run(() => escalation.stopForStorm(member).catch(warn('could not stop a member escalating')));
      background.run(() => pager.moveDmsToStorm(member).catch(warn("could not move a member's page DMs")));
    },
    onIncidentOpened: (incident) => {
      openChannelFor(incident, []);
      background.run(() => escalation.schedule(incident).catch(warn('could not schedule escalation')));
    },
    onImpactRaised: (incident, from) => followRaisedImpact(incident, from),
    // EventBridge saw a runbook move: look now rather than at the next poll.
    onAutomationEvent: (event) => runbooks.follower.pollNow(event.executionId),
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
  const metricPicture = new MetricPicture({
    store,
    slack,
    metricImages: input.aws.metricImages,
    metricImagesFor: (incident) => portsOf(incident)?.metricImages ?? input.aws.metricImages,
    clock,
    logger,
    alertChannel: config.slack.alertChannel,
  });
  const notices = new IncidentManagerNotices({
    store,
    slack,
    alertChannel: config.slack.alertChannel,
    logger,
  });
  const peopleNames = new PeopleNames({ slack, clock, logger });
  const incidentManager = new IncidentManagerSync({
    store,
    leased: input.leased,
    writer: input.aws.incidentManager,
    clock,
    logger,
    onLinked: (seq) => {
      cards.request(seq);
      background.run(() => slackLink.ensure(seq));
    },
    onFirstFailure: (item, message) => background.run(() => notices.failed(item, message)),
    onRecovered: (item) => background.run(() => notices.recovered(item)),
    plainText: (text) => peopleNames.plainText(text),
  });
  const permissions = new Permissions({
    rules: config.permissions,
    groups: {
      usersOf: (groupId) => slack.usergroupUsers(groupId),
      listGroups: () => slack.listUsergroups(),
    },
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
    onTransition: (before, after) => recordLifecycleMetrics(metrics, before, after),
    onChanged: (incident, actorId) => {
      cards.request(incident.seq);
      stormThread.request(incident.seq);
      stormFollower.changed(incident);
      void incidentManager.kick();
      if (channels && incident.channelId) channels.requestInvite(incident.channelId, [actorId]);
      background.run(() => escalation.stopIfHandled(incident).catch(warn('could not stop escalation')));
      // Just resolved (a storm's members are reviewed with their storm): the review is drafted after
      // the resolve's own card update, so the thread reads in order.
      if (isJustResolved(incident))
        background.run(async () => {
          await cards.idle();
          await reviews.writeAfterResolve(incident.seq);
        });
    },
    // A person raising the impact has acknowledged it (no page), but it gets the channel it now merits.
    onImpactRaised: (incident, from, actorId) => {
      if (from > 2) openChannelFor(incident, [actorId]);
    },
    onOpened: (incident, actorId) => {
      openChannelFor(incident, [actorId]);
      background.run(() => escalation.schedule(incident).catch(warn('could not schedule escalation')));
    },
  });
  const reviews = new ReviewWriter({
    store,
    slack,
    clock,
    logger,
    names: peopleNames,
    alertChannel: config.slack.alertChannel,
    defaultRegion: config.aws.region,
    replicaId: input.replicaId ?? `warroom-${process.pid}-${Math.random().toString(36).slice(2, 10)}`,
    // The review lists the incident's follow-ups as they stand, with their OpsItems' links.
    followUps: (seq) => listFollowUpsFor(store, seq, config.aws.region),
    onChanged: (seq) => {
      cards.request(seq);
      void incidentManager.kick();
    },
  });
  const timelineCapture = new TimelineCapture({
    store,
    permissions,
    slack,
    clock,
    logger,
    onCaptured: () => void incidentManager.kick(),
  });

  const rds = new RdsDesk({
    rds: input.aws.rds,
    rdsFor: (incident) => portsOf(incident)?.rds ?? input.aws.rds,
    metricValuesFor: (incident) => portsOf(incident)?.metricValues ?? input.aws.metricValues,
    metricValues: input.aws.metricValues,
    store,
    slack,
    clock,
    logger,
    alertChannel: config.slack.alertChannel,
    catalog: config.runbooks.catalog,
    // A snapshot on the timeline is written to Incident Manager too.
    onTimeline: () => void incidentManager.kick(),
  });

  const runbooks = wireRunbooks({
    config,
    store,
    leased: input.leased,
    slack,
    clock,
    logger,
    aws: input.aws,
    permissions,
    onTimeline: () => void incidentManager.kick(),
    // Running a runbook is working the incident: an open one is acknowledged, the escalation stops.
    onActed: (seq, actorId, how) =>
      background.run(() =>
        triage
          .acknowledgeByAction(seq, { userId: actorId }, how)
          .catch(warn('could not acknowledge on a runbook')),
      ),
  });

  const { escalation, pager, ssmOnCall } = wireEscalation({
    config,
    store,
    slack,
    clock,
    logger,
    aws: input.aws,
    onCall: input.onCall,
    metrics,
    onTimeline: () => void incidentManager.kick(),
    holdsPage: (incident) => storms.mightForm(incident),
    onSnoozeEnded: (incident) => {
      cards.request(incident.seq);
      void incidentManager.kick();
    },
  });

  return {
    cards,
    escalation,
    ssmOnCall,
    intake,
    incidentManager,
    permissions,
    triage,
    timelineCapture,
    rds,
    runbooks,
    routeInquiry,
    reviews,
    async idle() {
      for (;;) {
        await intake.idle();
        await channels?.idle();
        await background.idle();
        await incidentManager.idle();
        await cards.idle();
        await stormThread.idle();
        await stormZones.idle();
        await stormFollower.idle();
        await runbooks.follower.idle();
        await rds.idle();
        await escalation.idle();
        const busy = [
          intake,
          channels,
          background,
          incidentManager,
          cards,
          stormThread,
          stormZones,
          stormFollower,
          runbooks.follower,
          rds,
          escalation,
        ];
        if (!busy.some((part) => part?.busy)) return;
      }
    },
    stop: () => {
      cards.stop();
      rds.stop();
      escalation.stop();
    },
  };
}

/** The change was the resolve itself: it set the resolved time (an impact-start edit later does not). */
function isJustResolved(incident: Incident): boolean {
  return (
    incident.status === 'resolved' &&
    incident.stormSeq === undefined &&
    incident.resolvedAt?.getTime() === incident.updatedAt.getTime()
  );
}
