import { describe, expect, it } from 'vitest';
import { parseEventBridgeRds } from '../../../handlers/notifications/eventbridge-rds.ts';
import { loadPayload, notificationFromEnvelope, notificationOf, variantOf } from './notification-fixtures.ts';

const instanceEvent = loadPayload('eventbridge-rds-db-instance-event.json');

describe('parseEventBridgeRds', () => {
  it('reads an RDS DB Instance Event with the same signal type as the SNS notification', () => {
    const alert = parseEventBridgeRds(notificationOf(instanceEvent));
    expect(alert).toMatchObject({
      source: 'eventbridge-rds',
      signalType: 'rds-event:failover',
      title: 'my-db-instance: A Multi-AZ failover has completed.',
      // The doc sample's SourceIdentifier has an rds: prefix; the id comes from SourceArn instead.
      resource: {
        kind: 'rds-instance',
        id: 'my-db-instance',
        arn: 'arn:aws:rds:us-east-1:123456789012:db:my-db-instance',
        region: 'us-east-1',
        accountId: '123456789012',
      },
      facts: [
        { label: 'Event', value: 'RDS-EVENT-0049 (failover)' },
        { label: 'Detail type', value: 'RDS DB Instance Event' },
      ],
    });
    expect(alert?.occurredAt.toISOString()).toBe('2018-09-27T22:36:43.292Z');
  });

  it('reads an RDS DB Snapshot Event delivered through an SNS target (no Subject)', () => {
    const alert = parseEventBridgeRds(notificationFromEnvelope('sns-envelope-eventbridge-rds-snapshot.json'));
    expect(alert).toMatchObject({
      signalType: 'rds-event:deletion',
      title: 'rds:my-db-snapshot: Deleted manual snapshot',
      resource: {
        kind: 'rds-snapshot',
        id: 'rds:my-db-snapshot',
        region: 'us-east-1',
        accountId: '123456789012',
      },
    });
    expect(alert?.occurredAt.toISOString()).toBe('2018-10-06T12:26:13.882Z');
  });

  it('reads an RDS DB Cluster Snapshot Event', () => {
    const alert = parseEventBridgeRds(notificationOf(loadPayload('eventbridge-rds-cluster-snapshot.json')));
    expect(alert).toMatchObject({
      signalType: 'rds-event:backup',
      title: 'rds:my-db-cluster-snapshot: Creating manual cluster snapshot',
      resource: {
        kind: 'rds-cluster-snapshot',
        id: 'rds:my-db-cluster-snapshot',
        arn: 'arn:aws:rds:us-east-1:123456789012:cluster-snapshot:rds:my-db-cluster-snapshot',
      },
    });
  });

  it('uses SourceType (UPPER_SNAKE) and the envelope location when there is no SourceArn', () => {
    const event = variantOf(instanceEvent, (e) => {
      const detail = e['detail'] as Record<string, unknown>;
      e['resources'] = [];
      delete detail['SourceArn'];
      detail['SourceType'] = 'CLUSTER';
      detail['SourceIdentifier'] = 'orders-cluster';
      detail['EventCategories'] = ['configuration change'];
    });
    expect(parseEventBridgeRds(notificationOf(event))).toMatchObject({
      signalType: 'rds-event:configuration-change',
      resource: {
        kind: 'rds-cluster',
        id: 'orders-cluster',
        arn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders-cluster',
      },
    });
  });

  it('falls back to the documented categories of EventID, then to unknown', () => {
    const noCategory = variantOf(instanceEvent, (e) => {
      delete (e['detail'] as Record<string, unknown>)['EventCategories'];
      (e['detail'] as Record<string, unknown>)['EventID'] = 'RDS-EVENT-0089';
    });
    expect(parseEventBridgeRds(notificationOf(noCategory))?.signalType).toBe('rds-event:low-storage');
    const nothing = variantOf(noCategory, (e) => {
      delete (e['detail'] as Record<string, unknown>)['EventID'];
    });
    expect(parseEventBridgeRds(notificationOf(nothing))?.signalType).toBe('rds-event:unknown');
  });

  it('keeps every category EventBridge gives, and flags an ID warroom has not read about', () => {
    const twoCategories = variantOf(instanceEvent, (e) => {
      const detail = e['detail'] as Record<string, unknown>;
      detail['EventCategories'] = ['maintenance', 'failure'];
      detail['EventID'] = 'RDS-EVENT-0195';
    });
    expect(parseEventBridgeRds(notificationOf(twoCategories))).toMatchObject({
      signalType: 'rds-event:maintenance',
      otherSignalTypes: ['rds-event:failure'],
    });
    const brandNew = variantOf(instanceEvent, (e) => {
      const detail = e['detail'] as Record<string, unknown>;
      detail['EventCategories'] = ['notification'];
      detail['EventID'] = 'RDS-EVENT-0999';
    });
    const alert = parseEventBridgeRds(notificationOf(brandNew));
    expect(alert).toMatchObject({
      signalType: 'rds-event:notification',
      otherSignalTypes: ['rds-event:unknown'],
    });
    expect(alert?.title).toMatch(/^Unknown RDS event RDS-EVENT-0999 on /);
  });

  it('reads other RDS detail-types generically', () => {
    const proxy = variantOf(instanceEvent, (e) => {
      e['detail-type'] = 'RDS DB Proxy Event';
      e['resources'] = ['arn:aws:rds:us-east-1:123456789012:db-proxy:prx-0123456789abcdef'];
      e['detail'] = {
        EventCategories: ['failure'],
        SourceType: 'DB_PROXY',
        SourceArn: 'arn:aws:rds:us-east-1:123456789012:db-proxy:prx-0123456789abcdef',
        SourceIdentifier: 'orders-proxy',
        Message: 'RDS could not provision capacity for the proxy.',
        EventID: 'RDS-EVENT-0243',
      };
    });
    expect(parseEventBridgeRds(notificationOf(proxy))).toMatchObject({
      signalType: 'rds-event:failure',
      resource: { kind: 'other', id: 'orders-proxy', region: 'us-east-1', accountId: '123456789012' },
    });
  });

  it('leaves CloudTrail events and other sources to other parsers', () => {
    expect(
      parseEventBridgeRds(notificationOf(loadPayload('cloudtrail-create-db-cluster-snapshot.json'))),
    ).toBeUndefined();
    expect(
      parseEventBridgeRds(
        notificationOf({
          source: 'aws.ec2',
          'detail-type': 'EC2 Instance State-change Notification',
          detail: {},
        }),
      ),
    ).toBeUndefined();
  });

  it('throws PARSE.INVALID for an aws.rds event without a detail object', () => {
    const broken = variantOf(instanceEvent, (e) => {
      e['detail'] = 'failover';
    });
    expect(() => parseEventBridgeRds(notificationOf(broken))).toThrow(
      expect.objectContaining({
        code: 'PARSE.INVALID',
        userMessage: expect.stringContaining('Looked like an EventBridge "RDS DB Instance Event" but detail'),
      }),
    );
  });
});
