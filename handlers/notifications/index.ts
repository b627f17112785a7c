import { toBotError } from '../../src/errors.ts';
import type { SnsNotification } from '../../src/intake/index.ts';
import type { Alert } from '../../src/signals/index.ts';
import { chatbotCustomParser } from './chatbot-custom.ts';
import { cloudTrailRdsParser } from './cloudtrail-rds.ts';
import { cloudWatchAlarmParser } from './cloudwatch-alarm.ts';
import { eventBridgeAutomationParser } from './eventbridge-automation.ts';
import { eventBridgeRdsParser } from './eventbridge-rds.ts';
import { incidentManagerParser } from './incident-manager.ts';
import type { NotificationParser, ParseContext } from './notification-parser.ts';
import { rdsEventParser } from './rds-event.ts';
import { buildUnknownAlert, unknownParser } from './unknown.ts';

export type { NotificationParser, ParseContext } from './notification-parser.ts';

/**
 * Parsers in the order they are tried. Incident Manager comes first because any message naming
 * an incident record is a pointer to that record, whatever else it looks like (a CloudTrail
 * event, a Chatbot body). The JSON parsers claim disjoint shapes, so their order only matters for
 * speed; unknown accepts everything and is last.
 */
export const NOTIFICATION_PARSERS: readonly NotificationParser[] = [
  incidentManagerParser,
  cloudWatchAlarmParser,
  rdsEventParser,
  eventBridgeRdsParser,
  eventBridgeAutomationParser,
  cloudTrailRdsParser,
  chatbotCustomParser,
  unknownParser,
];

/**
 * Turns one SNS notification into an Alert, always. A message that claims a source but breaks its
 * schema (BotError `PARSE.INVALID`) is posted raw with the reason; so is one a parser crashed on,
 * since a parser bug must not lose an alert.
 */
export async function parseNotification(
  notification: SnsNotification,
  context: ParseContext,
): Promise<Alert> {
  for (const parser of NOTIFICATION_PARSERS) {
    try {
      const alert = await parser.parse(notification, context);
      if (alert) return alert;
    } catch (error) {
      const failure = toBotError(error, 'PARSE.CRASHED');
      if (failure.code === 'PARSE.INVALID') {
        context.logger.info({ messageId: notification.messageId, parser: parser.source }, failure.message);
        return buildUnknownAlert(notification, failure.userMessage);
      }
      context.logger.error(
        { err: error, messageId: notification.messageId, parser: parser.source },
        'notification parser crashed',
      );
      return buildUnknownAlert(
        notification,
        `The ${parser.source} parser failed on this message (${failure.code})`,
      );
    }
  }
  return buildUnknownAlert(notification);
}
