import { describe, expect, it } from 'vitest';
import { parseRdsEvent } from '../../../handlers/notifications/rds-event.ts';
import { loadPayload, notificationFromEnvelope, notificationOf, variantOf } from './notification-fixtures.ts';

const failover = loadPayload('rds-event.message.json');

describe('parseRdsEvent', () => {
  it('reads a Multi-AZ failover notification from its SNS envelope, leaving the console link to the card', () => {
    const alert = parseRdsEvent(notificationFromEnvelope('rds-event.json'));
    expect(alert).toMatchObject({
      source: 'rds-event',
      signalType: 'rds-event:failover',
      title: 'prod-orders-db-1: Multi-AZ instance failover completed',
      detail: 'Multi-AZ instance failover completed',
      resource: {
        kind: 'rds-instance',
        id: 'prod-orders-db-1',
        arn: 'arn:aws:rds:us-east-1:111122223333:db:prod-orders-db-1',
        region: 'us-east-1',
        accountId: '111122223333',
      },
      facts: [{ label: 'Event', value: 'RDS-EVENT-0049 (failover)' }],
    });
  });

  it('treats the zone-less Event Time as UTC', () => {
    expect(parseRdsEvent(notificationOf(failover))?.occurredAt.toISOString()).toBe(
      '2024-05-14T09:42:18.302Z',
    );
  });

  it('takes the event ID after # whatever the documentation host', () => {
    const newHost = variantOf(failover, (m) => {
      m['Event ID'] =
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html#RDS-EVENT-0089';
    });
    expect(parseRdsEvent(notificationOf(newHost))?.signalType).toBe('rds-event:low-storage');
    const bare = variantOf(failover, (m) => {
      m['Event ID'] = 'RDS-EVENT-0006';
    });
    expect(parseRdsEvent(notificationOf(bare))?.signalType).toBe('rds-event:availability');
  });

  it('uses kebab-case categories, and unknown for IDs AWS does not document', () => {
    const withId = (id: string) => {
      const event = variantOf(failover, (m) => {
        m['Event ID'] = `http://x/#${id}`;
      });
      return parseRdsEvent(notificationOf(event));
    };
    expect(withId('RDS-EVENT-0012')?.signalType).toBe('rds-event:configuration-change');
    expect(withId('RDS-EVENT-0045')?.signalType).toBe('rds-event:read-replica');
    expect(withId('RDS-EVENT-9999')).toMatchObject({
      signalType: 'rds-event:unknown',
      title: 'Unknown RDS event RDS-EVENT-9999 on prod-orders-db-1: Multi-AZ instance failover completed',
    });
    expect(withId('RDS-EVENT-9999')?.facts[0]).toEqual({
      label: 'Event',
      value: "RDS-EVENT-9999 (uncategorised; not in warroom's list of AWS's RDS events, read 2026-04-08)",
    });
  });

  it('reads an RDS Custom failure (RDS-EVENT-0282) as a failure, which SNS sends without a category', () => {
    const elasticIp = variantOf(failover, (m) => {
      m['Event ID'] =
        'http://docs.amazonwebservices.com/AmazonRDS/latest/UserGuide/USER_Events.html#RDS-EVENT-0282';
      m['Event Message'] =
        "RDS Custom couldn't modify the DB instance because the Elastic IP permissions aren't correct.";
    });
    expect(parseRdsEvent(notificationOf(elasticIp))).toMatchObject({
      signalType: 'rds-event:failure',
      title:
        "prod-orders-db-1: RDS Custom couldn't modify the DB instance because the Elastic IP permissions aren't correct.",
      facts: [{ label: 'Event', value: 'RDS-EVENT-0282 (failure)' }],
    });
  });

  it('carries every category of an event, and the risky change a deletion reports', () => {
    const timeZone = variantOf(failover, (m) => {
      m['Event ID'] = 'http://x/#RDS-EVENT-0195';
    });
    expect(parseRdsEvent(notificationOf(timeZone))).toMatchObject({
      signalType: 'rds-event:maintenance',
      otherSignalTypes: ['rds-event:failure'],
    });
    const deleted = variantOf(failover, (m) => {
      m['Event ID'] = 'http://x/#RDS-EVENT-0003';
      m['Event Message'] = 'DB instance deleted';
    });
    expect(parseRdsEvent(notificationOf(deleted))).toMatchObject({
      signalType: 'rds-event:deletion',
      otherSignalTypes: ['rds-change:deleted'],
    });
  });

  it('labels an event without an ID as unknown rather than dropping it', () => {
    const noId = variantOf(failover, (m) => {
      delete m['Event ID'];
    });
    expect(parseRdsEvent(notificationOf(noId))).toMatchObject({
      signalType: 'rds-event:unknown',
      title: 'Unknown RDS event (no event ID) on prod-orders-db-1: Multi-AZ instance failover completed',
    });
  });

  it('builds the resource from Event Source and the topic when Source ARN is missing', () => {
    const old = variantOf(failover, (m) => {
      delete m['Source ARN'];
    });
    const alert = parseRdsEvent(notificationOf(old, { topicArn: 'arn:aws:sns:eu-west-1:444455556666:rds' }));
    expect(alert?.resource).toEqual({
      kind: 'rds-instance',
      id: 'prod-orders-db-1',
      arn: 'arn:aws:rds:eu-west-1:444455556666:db:prod-orders-db-1',
      region: 'eu-west-1',
      accountId: '444455556666',
    });
  });

  it.each([
    ['db-cluster', 'orders-cluster', 'rds-cluster', ':cluster:orders-cluster'],
    ['db-snapshot', 'rds:orders-db-2024-05-14', 'rds-snapshot', ':snapshot:rds:orders-db-2024-05-14'],
    [
      'db-cluster-snapshot',
      'orders-pre-migration',
      'rds-cluster-snapshot',
      ':cluster-snapshot:orders-pre-migration',
    ],
  ])('maps Event Source %s to %s', (source, id, kind, arnTail) => {
    const event = variantOf(failover, (m) => {
      m['Event Source'] = source;
      m['Source ID'] = id;
      delete m['Source ARN'];
    });
    const alert = parseRdsEvent(notificationOf(event));
    expect(alert?.resource?.kind).toBe(kind);
    expect(alert?.resource?.id).toBe(id);
    expect(alert?.resource?.arn).toBe(`arn:aws:rds:us-east-1:111122223333${arnTail}`);
  });

  it('keeps other sources (parameter groups, proxies) as kind other, with the Source ARN as given', () => {
    const event = variantOf(failover, (m) => {
      m['Event Source'] = 'db-parameter-group';
      m['Source ID'] = 'orders-params';
      m['Source ARN'] = 'arn:aws:rds:us-west-2:111122223333:pg:orders-params';
      m['Event ID'] = 'http://x/#RDS-EVENT-0092';
    });
    expect(parseRdsEvent(notificationOf(event))).toMatchObject({
      signalType: 'rds-event:configuration-change',
      resource: {
        kind: 'other',
        id: 'orders-params',
        arn: 'arn:aws:rds:us-west-2:111122223333:pg:orders-params',
        region: 'us-west-2',
      },
    });
  });

  it('recognises the plain-text message RDS sends when a subscription is created', () => {
    const text =
      'This is a message to notify that RDS will attempt to send you event notifications of type db-instance to the topic arn:aws:sns:us-east-1:111122223333:rds-events.';
    const alert = parseRdsEvent(notificationOf(text, { subject: 'RDS Notification Message' }));
    expect(alert).toMatchObject({
      source: 'rds-event',
      signalType: 'rds-event:subscription-notice',
      occurredAt: new Date('2024-05-14T12:00:00.000Z'),
      facts: expect.arrayContaining([{ label: 'Source type', value: 'db-instance' }]),
    });
    expect(alert?.resource).toBeUndefined();
  });

  it('escapes Slack control characters in the event message', () => {
    const hostile = variantOf(failover, (m) => {
      m['Event Message'] = 'failover <!channel> & <https://evil.example|docs>';
    });
    expect(parseRdsEvent(notificationOf(hostile))?.detail).toBe(
      'failover &lt;!channel&gt; &amp; &lt;https://evil.example|docs&gt;',
    );
  });

  it('ignores other JSON and throws PARSE.INVALID when required keys are missing', () => {
    expect(parseRdsEvent(notificationOf({ AlarmName: 'x' }))).toBeUndefined();
    const broken = variantOf(failover, (m) => {
      delete m['Source ID'];
    });
    expect(() => parseRdsEvent(notificationOf(broken))).toThrow(
      expect.objectContaining({
        code: 'PARSE.INVALID',
        userMessage: expect.stringContaining('Looked like an RDS event notification but Source ID'),
      }),
    );
  });
});
