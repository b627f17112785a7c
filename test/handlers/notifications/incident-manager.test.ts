import { describe, expect, it } from 'vitest';
import {
  findIncidentRecordArn,
  parseIncidentManagerPointer,
} from '../../../handlers/notifications/incident-manager.ts';
import type { IncidentRecord } from '../../../src/aws/incident-record.ts';
import { BotError } from '../../../src/errors.ts';
import {
  buildContext,
  FakeIncidentRecordReader,
  loadPayload,
  notificationOf,
} from './notification-fixtures.ts';

const ARN =
  'arn:aws:ssm-incidents::111122223333:incident-record/prod-db-response-plan/7ebd1c1e-2f3a-4b5c-8d6e-9f0a1b2c3d4e';
const startIncident = loadPayload('incident-manager-cloudtrail-start-incident.json');
const resolvedUpdate = loadPayload('incident-manager-cloudtrail-update-incident-record-resolved.json');

const openRecord: IncidentRecord = {
  arn: ARN,
  title: 'Orders DB connection storm',
  status: 'OPEN',
  impact: 2,
  summary: 'Connections saturated <!here>',
  creationTime: new Date('2024-05-14T09:35:00Z'),
  source: 'aws.cloudwatch',
  createdBy:
    'arn:aws:iam::111122223333:role/aws-service-role/ssm-incidents.amazonaws.com/AWSServiceRoleForIncidentManager',
  resourceArn: 'arn:aws:rds:us-east-1:111122223333:db:prod-orders-db-1',
};

describe('findIncidentRecordArn', () => {
  it('finds the ARN in a body, in a subject, and not in a response-plan ARN', () => {
    expect(findIncidentRecordArn(notificationOf(startIncident))).toBe(ARN);
    expect(
      findIncidentRecordArn(notificationOf('no json here', { subject: `Incident ${ARN} updated` })),
    ).toBe(ARN);
    expect(
      findIncidentRecordArn(
        notificationOf('arn:aws:ssm-incidents::111122223333:response-plan/prod-db-response-plan'),
      ),
    ).toBeUndefined();
    expect(
      findIncidentRecordArn(notificationOf(`GovCloud: ${ARN.replace('arn:aws:', 'arn:aws-us-gov:')}.`)),
    ).toBe(ARN.replace('arn:aws:', 'arn:aws-us-gov:'));
  });
});

describe('parseIncidentManagerPointer', () => {
  it('builds the alert from the record a StartIncident event points at', async () => {
    const reader = new FakeIncidentRecordReader(openRecord);
    const alert = await parseIncidentManagerPointer(notificationOf(startIncident), buildContext(reader));
    expect(reader.calls).toEqual([ARN]);
    expect(alert).toMatchObject({
      source: 'incident-manager',
      signalType: 'incident-manager:open',
      title: 'Orders DB connection storm',
      detail: 'Connections saturated &lt;!here&gt;',
      suggestedImpact: 2,
      incidentManagerArn: ARN,
      correlation: { kind: 'incident-manager', value: ARN },
      resource: {
        kind: 'rds-instance',
        id: 'prod-orders-db-1',
        region: 'us-east-1',
        accountId: '111122223333',
      },
      occurredAt: new Date('2024-05-14T09:35:00Z'),
    });
    expect(alert?.facts).toEqual(
      expect.arrayContaining([
        { label: 'Status', value: 'OPEN' },
        { label: 'Impact', value: '2 (High)' },
        { label: 'Via', value: 'CloudTrail StartIncident' },
      ]),
    );
  });

  it('reports a resolved record as resolved, at its resolution time', async () => {
    const resolvedAt = new Date('2024-05-14T11:02:40Z');
    const reader = new FakeIncidentRecordReader({
      ...openRecord,
      status: 'RESOLVED',
      resolvedTime: resolvedAt,
    });
    const alert = await parseIncidentManagerPointer(notificationOf(resolvedUpdate), buildContext(reader));
    expect(alert).toMatchObject({ signalType: 'incident-manager:resolved', occurredAt: resolvedAt });
  });

  it('treats an unknown Chatbot-topic body naming a record as a pointer too', async () => {
    const body = JSON.stringify({ whatever: { incident: ARN, text: 'Incident updated' } });
    const alert = await parseIncidentManagerPointer(
      notificationOf(body),
      buildContext(new FakeIncidentRecordReader({ ...openRecord, resourceArn: undefined })),
    );
    expect(alert).toMatchObject({
      signalType: 'incident-manager:open',
      occurredAt: new Date('2024-05-14T12:00:00Z'),
    });
    expect(alert?.resource).toBeUndefined();
  });

  it.each([
    ['AWS.NOT_FOUND', /does not exist/],
    ['AWS.ACCESS_DENIED', /ssm-incidents:GetIncidentRecord/],
    ['AWS.THROTTLED', /throttled/],
    ['AWS.FAILED', /failed/],
  ])('still returns an alert when the read fails with %s', async (code, reason) => {
    const reader = new FakeIncidentRecordReader(new BotError(code, 'Incident Manager said no.'));
    const alert = await parseIncidentManagerPointer(notificationOf(startIncident), buildContext(reader));
    expect(alert).toMatchObject({
      source: 'incident-manager',
      signalType: 'incident-manager:unreadable',
      title: 'Orders DB connection storm: record unreadable',
      incidentManagerArn: ARN,
      correlation: { kind: 'incident-manager', value: ARN },
      suggestedImpact: 2,
      occurredAt: new Date('2024-05-14T09:35:00Z'),
    });
    expect(alert?.detail).toContain(ARN);
    expect(alert?.detail).toMatch(reason);
    expect(alert?.detail).toContain(`(${code})`);
  });

  it('keeps the requested status and falls back to the plan name when the event has no title', async () => {
    const reader = new FakeIncidentRecordReader(new BotError('AWS.NOT_FOUND', 'gone'));
    const alert = await parseIncidentManagerPointer(notificationOf(resolvedUpdate), buildContext(reader));
    expect(alert?.title).toBe('Incident Manager incident (prod-db-response-plan): record unreadable');
    expect(alert?.suggestedImpact).toBeUndefined();
    expect(alert?.facts).toEqual(expect.arrayContaining([{ label: 'Requested status', value: 'RESOLVED' }]));
  });

  it('reports a reader that throws something unexpected as a failed read', async () => {
    const reader = new FakeIncidentRecordReader(new TypeError('boom'));
    const alert = await parseIncidentManagerPointer(notificationOf(startIncident), buildContext(reader));
    expect(alert?.signalType).toBe('incident-manager:unreadable');
    expect(alert?.detail).toContain('(AWS.FAILED)');
  });

  it('passes over messages that name no incident record without calling AWS', async () => {
    const reader = new FakeIncidentRecordReader(openRecord);
    expect(
      await parseIncidentManagerPointer(notificationOf('Hello world!'), buildContext(reader)),
    ).toBeUndefined();
    expect(reader.calls).toEqual([]);
  });
});
