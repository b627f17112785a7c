import { z } from 'zod';
import type { SnsNotification } from '../../src/intake/index.ts';
import type { Alert, Resource } from '../../src/signals/index.ts';
import { clampAlert, escapeMrkdwn, firstLine } from './alert-text.ts';
import { firstLocation, parseArn, topicLocation } from './aws-arn.ts';
import { parseAwsTime } from './aws-time.ts';
import { parseClaimed, parseJsonObject } from './message-schema.ts';
import type { NotificationParser } from './notification-parser.ts';
import { classifyRdsEvent, extractRdsEventId, rdsEventTitle } from './rds-event-categories.ts';
import { rdsKindFromSourceType, rdsResource, rdsResourceFromArn } from './rds-resource.ts';

/** RDS event notification Message: keys with spaces; older messages have no "Source ARN". */
const rdsEventSchema = z.object({
  'Event Source': z.string(),
  'Event Time': z.string().optional(),
  'Identifier Link': z.string().nullish(),
  'Source ID': z.string().min(1),
  'Source ARN': z.string().nullish(),
  'Event ID': z.string().nullish(),
  'Event Message': z.string().default(''),
});

const CLAIM_KEYS = ['Event Source', 'Event ID', 'Event Message', 'Source ID'];

/** The plain-text (not JSON) first message RDS sends to a topic when a subscription is created. */
const SUBSCRIPTION_NOTICE =
  /^This is a message to notify that RDS will attempt to send you event notifications/i;

/** RDS event subscriptions delivered by SNS ("RDS Notification Message"). */
export const rdsEventParser: NotificationParser = {
  source: 'rds-event',
  async parse(notification) {
    return parseRdsEvent(notification);
  },
};

export function parseRdsEvent(notification: SnsNotification): Alert | undefined {
  if (SUBSCRIPTION_NOTICE.test(notification.message.trim())) return subscriptionNotice(notification);
  const body = parseJsonObject(notification.message);
  if (!body || !CLAIM_KEYS.some((key) => key in body)) return undefined;
  const event = parseClaimed(rdsEventSchema, body, 'an RDS event notification');

  const kind = classifyRdsEvent(extractRdsEventId(event['Event ID']));
  const resource = eventResource(event, notification.topicArn);
  const message = event['Event Message'].trim();
  return clampAlert({
    source: 'rds-event',
    signalType: kind.signalType,
    ...(kind.otherSignalTypes.length > 0 ? { otherSignalTypes: kind.otherSignalTypes } : {}),
    title: rdsEventTitle(kind, event['Source ID'], message),
    detail: escapeMrkdwn(message),
    occurredAt: parseAwsTime(event['Event Time']) ?? notification.timestamp,
    resource,
    facts: [
      { label: 'Event', value: kind.description },
      // No 'Source' or 'Identifier Link' fact: the card's Resource field names the database and its
      // console button links it; saying it again as a fact only makes the card longer.
    ],
  });
}

/** The resource from "Source ARN" when present, else from "Event Source" + "Source ID" + the topic's location. */
function eventResource(event: z.output<typeof rdsEventSchema>, topicArn: string): Resource {
  const sourceArn = event['Source ARN'] ?? undefined;
  const fromArn = rdsResourceFromArn(sourceArn);
  if (fromArn) return fromArn;
  const location = firstLocation(parseArn(sourceArn), topicLocation(topicArn));
  const resource = rdsResource(rdsKindFromSourceType(event['Event Source']), event['Source ID'], location);
  return sourceArn ? { ...resource, arn: sourceArn } : resource;
}

function subscriptionNotice(notification: SnsNotification): Alert {
  const text = notification.message.trim();
  const sourceType = /notifications of type ([\w-]+)/i.exec(text)?.[1];
  return clampAlert({
    source: 'rds-event',
    signalType: 'rds-event:subscription-notice',
    title: 'RDS event subscription now sends to this topic',
    detail: escapeMrkdwn(firstLine(text)),
    occurredAt: notification.timestamp,
    facts: [
      { label: 'Topic', value: notification.topicArn },
      ...(sourceType ? [{ label: 'Source type', value: sourceType }] : []),
    ],
  });
}
