import type { IncidentRecordReader } from '../aws/incident-record.ts';
import type { Logger } from '../logger.ts';
import type { Alert } from '../signals/index.ts';
import type { SnsNotification } from './sns/sns-message.ts';

/** What a notification parser may use besides the message itself. */
export interface ParseContext {
  incidentRecords: IncidentRecordReader;
  logger: Logger;
}

/** Turns any notification into an Alert; never throws for a message it cannot read (it posts it raw). */
export type ParseNotification = (notification: SnsNotification, context: ParseContext) => Promise<Alert>;
