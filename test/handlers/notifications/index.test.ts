import { describe, expect, it } from 'vitest';
import { NOTIFICATION_PARSERS, parseNotification } from '../../../handlers/notifications/index.ts';
import type { IncidentRecord } from '../../../src/aws/incident-record.ts';
import type { SnsNotification } from '../../../src/intake/sns/sns-message.ts';
import {
  buildContext,
  FakeIncidentRecordReader,
  loadPayload,
  notificationFromEnvelope,
  notificationOf,
  variantOf,
} from './notification-fixtures.ts';

const record: IncidentRecord = {
  arn: 'set by the fake reader',
  title: 'Orders DB connection storm',
  status: 'OPEN',
  impact: 2,
  creationTime: new Date('2024-05-14T09:35:00Z'),
  source: 'aws.cloudwatch',
  createdBy: 'arn:aws:iam::111122223333:role/OnCall',
};
const context = buildContext(new FakeIncidentRecordReader(record));

/** Every payload fixture, as delivered to the topic, with the parser and signal type it must reach. */
const FIXTURES: [string, SnsNotification, string, string][] = [
  [
    'cloudwatch-alarm-rds.json',
    notificationFromEnvelope('cloudwatch-alarm-rds.json'),
    'cloudwatch-alarm',
    'cloudwatch-alarm:ALARM',
  ],
  [
    'cloudwatch-alarm-metric-math',
    notificationOf(loadPayload('cloudwatch-alarm-metric-math.message.json')),
    'cloudwatch-alarm',
    'cloudwatch-alarm:ALARM',
  ],
  ['rds-event.json', notificationFromEnvelope('rds-event.json'), 'rds-event', 'rds-event:failover'],
  [
    'eventbridge instance',
    notificationOf(loadPayload('eventbridge-rds-db-instance-event.json')),
    'eventbridge-rds',
    'rds-event:failover',
  ],
  [
    'eventbridge snapshot',
    notificationOf(loadPayload('eventbridge-rds-snapshot.json')),
    'eventbridge-rds',
    'rds-event:deletion',
  ],
  [
    'eventbridge cluster snapshot',
    notificationOf(loadPayload('eventbridge-rds-cluster-snapshot.json')),
    'eventbridge-rds',
    'rds-event:backup',
  ],
  [
    'eventbridge via SNS',
    notificationFromEnvelope('sns-envelope-eventbridge-rds-snapshot.json'),
    'eventbridge-rds',
    'rds-event:deletion',
  ],
  [
    'automation execution',
    notificationOf(loadPayload('eventbridge-ssm-automation-execution.json')),
    'eventbridge-automation',
    'automation:execution-status',
  ],
  [
    'automation step',
    notificationOf(loadPayload('eventbridge-ssm-automation-step.json')),
    'eventbridge-automation',
    'automation:step-status',
  ],
  [
    'automation via SNS',
    notificationFromEnvelope('sns-envelope-eventbridge-ssm-automation-execution.json'),
    'eventbridge-automation',
    'automation:execution-status',
  ],
  [
    'cloudtrail create',
    notificationOf(loadPayload('cloudtrail-create-db-cluster-snapshot.json')),
    'cloudtrail',
    'cloudtrail:CreateDBClusterSnapshot',
  ],
  [
    'cloudtrail public',
    notificationOf(loadPayload('cloudtrail-modify-db-snapshot-attribute.json')),
    'cloudtrail',
    'cloudtrail:ModifyDBSnapshotAttribute:public',
  ],
  [
    'IM StartIncident',
    notificationOf(loadPayload('incident-manager-cloudtrail-start-incident.json')),
    'incident-manager',
    'incident-manager:open',
  ],
  [
    'IM UpdateIncidentRecord',
    notificationOf(loadPayload('incident-manager-cloudtrail-update-incident-record-resolved.json')),
    'incident-manager',
    'incident-manager:open',
  ],
  ['chatbot custom', notificationOf(loadPayload('chatbot-custom.json')), 'chatbot', 'chatbot:custom'],
  ['plain text', notificationFromEnvelope('sns-notification-envelope.json'), 'unknown', 'unknown:raw'],
];

describe('parseNotification', () => {
  it.each(FIXTURES)('sends %s to the right parser', async (_name, notification, source, signalType) => {
    const alert = await parseNotification(notification, context);
    expect(alert.source).toBe(source);
    expect(alert.signalType).toBe(signalType);
    expect(alert.title.length).toBeGreaterThan(0);
    expect(alert.title.length).toBeLessThanOrEqual(150);
    expect(alert.detail.length).toBeLessThanOrEqual(2000);
    expect(Number.isNaN(alert.occurredAt.getTime())).toBe(false);
  });

  it('treats any message naming an incident record as an Incident Manager pointer, first', async () => {
    const arn = 'arn:aws:ssm-incidents::111122223333:incident-record/db/0a1b2c3d-1111-2222-3333-444455556666';
    const chatbot = variantOf(loadPayload('chatbot-custom.json'), (m) => {
      (m['metadata'] as Record<string, unknown>)['relatedResources'] = [arn];
    });
    const alert = await parseNotification(notificationOf(chatbot), context);
    expect(alert).toMatchObject({ source: 'incident-manager', incidentManagerArn: arn });
  });

  it('posts a message that breaks its claimed schema raw, saying why', async () => {
    const broken = variantOf(loadPayload('cloudwatch-alarm-rds.message.json'), (m) => {
      m['NewStateValue'] = 'ON_FIRE';
    });
    const alert = await parseNotification(notificationOf(broken, { subject: 'ALARM: "x"' }), context);
    expect(alert).toMatchObject({ source: 'unknown', signalType: 'unknown:raw', title: 'ALARM: "x"' });
    expect(alert.detail).toMatch(/^Looked like a CloudWatch alarm but NewStateValue: /);
    expect(alert.raw).toBe(JSON.stringify(broken));
  });

  it('posts a message raw when a parser crashes instead of losing it', async () => {
    // A subject that throws on first read crashes the first parser; the fallback reads it fine.
    let reads = 0;
    const notification = notificationOf('{}');
    Object.defineProperty(notification, 'subject', {
      get() {
        reads += 1;
        if (reads === 1) throw new TypeError('boom');
        return 'flaky';
      },
    });
    const alert = await parseNotification(notification, context);
    expect(alert).toMatchObject({ signalType: 'unknown:raw', title: 'flaky' });
    expect(alert.detail).toContain('The incident-manager parser failed on this message (PARSE.CRASHED)');
  });

  it('tries Incident Manager first and the unknown fallback last', () => {
    const sources = NOTIFICATION_PARSERS.map((p) => p.source);
    expect(sources[0]).toBe('incident-manager');
    expect(sources.at(-1)).toBe('unknown');
    expect(new Set(sources).size).toBe(sources.length);
  });
});
