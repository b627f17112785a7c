import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Lifecycle buckets in seconds: 1, 5, 15, 30 min; 1, 2, 4, 8, 12 h; 1, 2, 3, 7 d. */
const LIFECYCLE_BUCKETS = [
  60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 43_200, 86_400, 172_800, 259_200, 604_800,
];

/** warroom's Prometheus metrics, on a registry of their own (no global state between app instances). */
export class Metrics {
  readonly registry = new Registry();

  readonly snsReceived = new Counter({
    name: 'warroom_sns_notifications_received_total',
    help: 'POST /sns requests received',
    registers: [this.registry],
  });

  readonly snsVerified = new Counter({
    name: 'warroom_sns_notifications_verified_total',
    help: 'SNS messages whose signature, certificate and topic were verified',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly snsRejected = new Counter({
    name: 'warroom_sns_notifications_rejected_total',
    help: 'SNS messages refused, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly snsDuplicates = new Counter({
    name: 'warroom_sns_notifications_duplicate_total',
    help: 'Redelivered SNS messages (same MessageId) that changed nothing',
    registers: [this.registry],
  });

  readonly signalsProcessed = new Counter({
    name: 'warroom_signals_processed_total',
    help: 'Notifications processed from the inbox, by source and outcome',
    labelNames: ['source', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly incidentsOpened = new Counter({
    name: 'warroom_incidents_opened_total',
    help: 'Incidents opened, by source',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly slackCalls = new Counter({
    name: 'warroom_slack_calls_total',
    help: 'Slack Web API calls, by method and outcome',
    labelNames: ['method', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly slackRateLimited = new Counter({
    name: 'warroom_slack_rate_limited_total',
    help: 'Slack 429 answers received, by method',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });

  readonly inboxPending = new Gauge({
    name: 'warroom_inbox_pending',
    help: 'Notifications stored but not yet processed',
    registers: [this.registry],
  });

  readonly sqsMessages = new Counter({
    name: 'warroom_sqs_messages_total',
    help: 'SQS intake messages handled, by outcome (stored, duplicate, confirmed, unsubscribed, rejected, kept)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly sqsRejected = new Counter({
    name: 'warroom_sqs_messages_rejected_total',
    help: 'SQS intake messages deleted unprocessed because they can never be valid, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly sqsErrors = new Counter({
    name: 'warroom_sqs_errors_total',
    help: 'Failed SQS calls and transient message failures, by operation; each is followed by a backoff',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  readonly processFaults = new Counter({
    name: 'warroom_process_faults_total',
    help: 'Uncaught exceptions and unhandled rejections logged while warroom kept running, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly slackPayloadsRefused = new Counter({
    name: 'warroom_slack_payloads_refused_total',
    help: 'Slack payloads acknowledged but not acted on because they failed their check, by kind (event, command, action, view, shortcut, options, unknown)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly pagesDelivered = new Counter({
    name: 'warroom_pages_delivered_total',
    help: 'Pages Slack accepted, by how they went (dm)',
    labelNames: ['via'] as const,
    registers: [this.registry],
  });

  readonly pagesFailed = new Counter({
    name: 'warroom_pages_failed_total',
    help: 'Page targets that reached nobody, by reason (unknown-user, dm-closed, unknown-group, empty-group, nobody-on-call, rotation-unreadable, unknown-contact, engagement-refused, slack-error)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly timeToAcknowledge = new Histogram({
    name: 'warroom_time_to_acknowledge_seconds',
    help: 'Seconds from detection to the first acknowledgement, by impact when acknowledged',
    labelNames: ['impact'] as const,
    buckets: LIFECYCLE_BUCKETS,
    registers: [this.registry],
  });

  readonly timeToResolve = new Histogram({
    name: 'warroom_time_to_resolve_seconds',
    help: 'Seconds from detection to the first resolve, by impact when resolved (a reopened incident is not counted again)',
    labelNames: ['impact'] as const,
    buckets: LIFECYCLE_BUCKETS,
    registers: [this.registry],
  });
}
