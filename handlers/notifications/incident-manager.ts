import { toBotError } from '../../src/errors.ts';
import type { SnsNotification } from '../../src/intake/index.ts';
import type { Alert } from '../../src/signals/index.ts';
import { alertFromRecord, readCloudTrailHint, unreadableRecordAlert } from './incident-manager-alert.ts';
import type { NotificationParser, ParseContext } from './notification-parser.ts';

/**
 * An Incident Manager incident-record ARN. It has no region field; plan names and ids are kept
 * to the characters AWS allows so the match stops at the JSON quote or the end of a sentence.
 */
const INCIDENT_RECORD_ARN =
  /arn:aws[-a-z]*:ssm-incidents::\d{12}:incident-record\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_-]+/;

/** The first incident-record ARN named in the subject or the body, if any. */
export function findIncidentRecordArn(notification: SnsNotification): string | undefined {
  return (
    INCIDENT_RECORD_ARN.exec(notification.subject ?? '')?.[0] ??
    INCIDENT_RECORD_ARN.exec(notification.message)?.[0]
  );
}

/**
 * What Incident Manager publishes to its chat topics is undocumented, so any message naming an
 * incident record (CloudTrail StartIncident/UpdateIncidentRecord events, Chatbot-topic bodies…)
 * is treated as a pointer: the record itself is read and is the truth. A failed read still yields
 * an Alert carrying the ARN and the reason; the signal is never dropped.
 */
export const incidentManagerParser: NotificationParser = {
  source: 'incident-manager',
  parse: parseIncidentManagerPointer,
};

export async function parseIncidentManagerPointer(
  notification: SnsNotification,
  context: ParseContext,
): Promise<Alert | undefined> {
  const arn = findIncidentRecordArn(notification);
  if (!arn) return undefined;
  const hint = readCloudTrailHint(notification.message);
  try {
    const record = await context.incidentRecords.getIncidentRecord(arn);
    return alertFromRecord(record, notification, hint);
  } catch (error) {
    // A reader bug (not a BotError) is still reported as a failed read rather than lost.
    const failure = toBotError(error, 'AWS.FAILED');
    context.logger.warn({ code: failure.code, arn }, 'could not read Incident Manager incident record');
    return unreadableRecordAlert(arn, failure, notification, hint);
  }
}
