import { z } from 'zod';
import type { FileConfig } from '../config/file-schema.ts';
import { toRoutes } from '../config/routes-schema.ts';
import { BotError } from '../errors.ts';
import type { ParseNotification, SnsNotification } from '../intake/index.ts';
import type { Logger } from '../logger.ts';
import { decideSignal, signalTypesOf, withTopicLocation } from '../signals/index.ts';
import { matchRoute } from './match-route.ts';
import type { ResourceTags } from './route.ts';
import { explainRoute } from './route-explanation.ts';
import { type AccountLookup, routeFactsFor } from './route-facts.ts';

/** The SNS envelope as AWS delivers it (and as people capture it from a subscription or a log). */
const envelopeSchema = z.object({
  Type: z.literal('Notification'),
  MessageId: z.string().min(1),
  TopicArn: z.string().min(1),
  Subject: z.string().nullish(),
  Message: z.string(),
  Timestamp: z.string().min(1),
});

/** A placeholder topic for a bare message: it lends no account or Region (the message must name them). */
const NO_TOPIC = 'arn:aws:sns:::routes-check';

/** A captured SNS envelope, or else the bare message (what the topic delivered in `Message`). */
export function readCapturedNotification(text: string): SnsNotification {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const envelope = envelopeSchema.safeParse(json);
  if (envelope.success) {
    const timestamp = new Date(envelope.data.Timestamp);
    return {
      messageId: envelope.data.MessageId,
      topicArn: envelope.data.TopicArn,
      ...(envelope.data.Subject ? { subject: envelope.data.Subject } : {}),
      message: envelope.data.Message,
      timestamp: Number.isNaN(timestamp.getTime()) ? new Date(0) : timestamp,
    };
  }
  return { messageId: 'routes-check', topicArn: NO_TOPIC, message: text, timestamp: new Date(0) };
}

/** Incident Manager records are not read offline: such a message is judged by what it says. */
const offlineRecords = {
  getIncidentRecord: async (): Promise<never> => {
    throw new BotError('AWS.FAILED', 'Incident Manager is not read by routes:check.');
  },
};

export interface OfflineRouteCheck {
  file: FileConfig;
  lookupAccount: AccountLookup;
  parse: ParseNotification;
  logger: Logger;
  /** Tags given on the command line; without them, routes that need tags are passed over, visibly. */
  tags?: Readonly<Record<string, string>>;
}

/**
 * `npm run routes:check`: where a captured notification would go with this config, and why,
 * without AWS or Slack, so routing can be tested in CI before a config is deployed.
 */
export async function checkRouteOffline(text: string, check: OfflineRouteCheck): Promise<string[]> {
  const notification = readCapturedNotification(text);
  const parsed = await check.parse(notification, { incidentRecords: offlineRecords, logger: check.logger });
  const alert = withTopicLocation(parsed, notification.topicArn);
  const decision = decideSignal(signalTypesOf(alert), alert.suggestedImpact, check.file.signals);
  const tags: ResourceTags = check.tags
    ? { state: 'read', tags: check.tags }
    : alert.resource
      ? { state: 'failed', reason: 'tags are not read offline (give them with --tag key=value)' }
      : { state: 'none' };
  const facts = routeFactsFor(alert, decision.impact, tags, check.lookupAccount);
  const route = matchRoute(toRoutes(check.file.routes), facts, check.file.slack.alertChannel);
  const effect =
    decision.effect === 'open' || decision.effect === 'annotate-or-open'
      ? []
      : [
          `Note: ${alert.signalType} ${decision.effect === 'recover' ? 'records a recovery' : 'only adds to an open incident'}; it opens no incident by itself.`,
        ];
  return [
    `${alert.source}: ${alert.title}`,
    ...explainRoute(route, facts, check.file.slack.alertChannel),
    ...effect,
  ];
}
