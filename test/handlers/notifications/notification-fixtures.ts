import { readFileSync } from 'node:fs';
import pino from 'pino';
import type { ParseContext } from '../../../handlers/notifications/notification-parser.ts';
import type { IncidentRecord, IncidentRecordReader } from '../../../src/aws/incident-record.ts';
import type { SnsNotification } from '../../../src/intake/sns/sns-message.ts';

/** Payload fixtures copied from the shared research set; INDEX.json there says where each came from. */
const PAYLOADS = new URL('../../fixtures/payloads/', import.meta.url);

export const TOPIC_ARN = 'arn:aws:sns:us-east-1:111122223333:incident-alerts';
export const SNS_TIMESTAMP = new Date('2024-05-14T12:00:00.000Z');

export function readPayload(name: string): string {
  return readFileSync(new URL(name, PAYLOADS), 'utf8');
}

export function loadPayload(name: string): Record<string, unknown> {
  return JSON.parse(readPayload(name)) as Record<string, unknown>;
}

/** An SNS envelope fixture as the verifier hands it to the parsers. */
export function notificationFromEnvelope(name: string): SnsNotification {
  const envelope = loadPayload(name);
  return {
    messageId: String(envelope['MessageId']),
    topicArn: String(envelope['TopicArn']),
    ...(typeof envelope['Subject'] === 'string' ? { subject: envelope['Subject'] } : {}),
    message: String(envelope['Message']),
    timestamp: new Date(String(envelope['Timestamp'])),
  };
}

/** A notification carrying `message` (objects are sent as compact JSON, as SNS delivers them). */
export function notificationOf(
  message: string | object,
  overrides: Partial<SnsNotification> = {},
): SnsNotification {
  return {
    messageId: '00000000-0000-4000-8000-000000000001',
    topicArn: TOPIC_ARN,
    message: typeof message === 'string' ? message : JSON.stringify(message),
    timestamp: SNS_TIMESTAMP,
    ...overrides,
  };
}

/** Deep copy of a JSON fixture, so a test can change one field without touching the others. */
export function variantOf<T>(value: T, change: (copy: T) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

/** An IncidentRecordReader answering from a table, or failing with the given error; records calls. */
export class FakeIncidentRecordReader implements IncidentRecordReader {
  readonly calls: string[] = [];

  constructor(private readonly answer: IncidentRecord | Error) {}

  async getIncidentRecord(arn: string): Promise<IncidentRecord> {
    this.calls.push(arn);
    if (this.answer instanceof Error) throw this.answer;
    return { ...this.answer, arn };
  }
}

export function buildContext(
  reader: IncidentRecordReader = new FakeIncidentRecordReader(new Error('unused')),
): ParseContext {
  return { incidentRecords: reader, logger: pino({ level: 'silent' }) };
}
