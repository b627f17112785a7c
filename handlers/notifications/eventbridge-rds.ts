import { z } from 'zod';
import type { SnsNotification } from '../../src/intake/index.ts';
import type { Alert, Resource } from '../../src/signals/index.ts';
import { clampAlert, escapeMrkdwn } from './alert-text.ts';
import { checkedLocation, firstLocation, parseArn } from './aws-arn.ts';
import { parseAwsTime } from './aws-time.ts';
import { CLOUDTRAIL_DETAIL_TYPE, readEventBridgeHeader } from './eventbridge-event.ts';
import { parseClaimed, parseJsonObject } from './message-schema.ts';
import type { NotificationParser } from './notification-parser.ts';
import { classifyRdsEvent, extractRdsEventId, rdsEventTitle } from './rds-event-categories.ts';
import { rdsKindFromSourceType, rdsResource, rdsResourceFromArn } from './rds-resource.ts';

/**
 * An `aws.rds` EventBridge event (DB instance, cluster, snapshot, cluster snapshot, and the other
 * RDS detail-types, read generically). Not every event carries an EventID; SourceIdentifier may
 * or may not have an `rds:` prefix, so the id is taken from SourceArn when there is one.
 */
const rdsEventBridgeSchema = z.object({
  'detail-type': z.string(),
  source: z.literal('aws.rds'),
  account: z.string().nullish(),
  region: z.string().nullish(),
  time: z.string().nullish(),
  resources: z.array(z.string()).nullish(),
  detail: z.object({
    EventCategories: z.array(z.string()).nullish(),
    SourceType: z.string().nullish(),
    SourceArn: z.string().nullish(),
    Date: z.string().nullish(),
    Message: z.string().nullish(),
    SourceIdentifier: z.string().nullish(),
    EventID: z.string().nullish(),
  }),
});

type RdsEventBridgeEvent = z.output<typeof rdsEventBridgeSchema>;

/** RDS events from EventBridge, delivered to the topic by an EventBridge rule. */
export const eventBridgeRdsParser: NotificationParser = {
  source: 'eventbridge-rds',
  async parse(notification) {
    return parseEventBridgeRds(notification);
  },
};

export function parseEventBridgeRds(notification: SnsNotification): Alert | undefined {
  const body = parseJsonObject(notification.message);
  const header = readEventBridgeHeader(body);
  if (header?.source !== 'aws.rds' || header.detailType === CLOUDTRAIL_DETAIL_TYPE) return undefined;
  const event = parseClaimed(rdsEventBridgeSchema, body, `an EventBridge "${header.detailType}"`);

  const { detail } = event;
  // Same vocabulary as SNS RDS events, so one policy row covers both deliveries.
  const kind = classifyRdsEvent(extractRdsEventId(detail.EventID), detail.EventCategories ?? []);
  const resource = eventResource(event);
  const message = detail.Message?.trim() ?? '';
  const subject = resource?.id ?? detail.SourceIdentifier ?? undefined;
  return clampAlert({
    source: 'eventbridge-rds',
    signalType: kind.signalType,
    ...(kind.otherSignalTypes.length > 0 ? { otherSignalTypes: kind.otherSignalTypes } : {}),
    title: kind.known && !message && !subject ? event['detail-type'] : rdsEventTitle(kind, subject, message),
    detail: escapeMrkdwn(message),
    occurredAt: parseAwsTime(detail.Date) ?? parseAwsTime(event.time) ?? notification.timestamp,
    ...(resource ? { resource } : {}),
    facts: [
      { label: 'Event', value: kind.description },
      // The source as a fact only when it names no resource the card's Resource field shows.
      ...(resource
        ? []
        : [
            {
              label: 'Source',
              value: [detail.SourceType, detail.SourceIdentifier].filter(Boolean).join(' ') || '?',
            },
          ]),
      { label: 'Detail type', value: event['detail-type'] },
    ],
  });
}

function eventResource(event: RdsEventBridgeEvent): Resource | undefined {
  const { detail } = event;
  const fromArn = rdsResourceFromArn(detail.SourceArn) ?? rdsResourceFromArn(event.resources?.[0]);
  if (fromArn) return fromArn;
  if (!detail.SourceIdentifier) return undefined;
  const location = firstLocation(checkedLocation(event.region, event.account), parseArn(detail.SourceArn));
  const resource = rdsResource(rdsKindFromSourceType(detail.SourceType), detail.SourceIdentifier, location);
  return detail.SourceArn ? { ...resource, arn: detail.SourceArn } : resource;
}
