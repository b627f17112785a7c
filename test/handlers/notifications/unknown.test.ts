import { describe, expect, it } from 'vitest';
import { buildUnknownAlert } from '../../../handlers/notifications/unknown.ts';
import { notificationFromEnvelope, notificationOf } from './notification-fixtures.ts';

describe('buildUnknownAlert', () => {
  it('posts an unrecognised message raw, titled by its subject and correlated by topic and subject', () => {
    const alert = buildUnknownAlert(notificationFromEnvelope('sns-notification-envelope.json'));
    expect(alert).toMatchObject({
      source: 'unknown',
      signalType: 'unknown:raw',
      title: 'My First Message',
      raw: 'Hello world!',
      occurredAt: new Date('2012-05-02T00:54:06.655Z'),
      correlation: { kind: 'raw', value: 'arn:aws:sns:us-west-2:123456789012:MyTopic|My First Message' },
      facts: [
        { label: 'Topic', value: 'arn:aws:sns:us-west-2:123456789012:MyTopic' },
        { label: 'Subject', value: 'My First Message' },
        { label: 'SNS message id', value: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324' },
      ],
    });
  });

  it('uses a generic title and the first line for correlation when there is no subject', () => {
    const alert = buildUnknownAlert(notificationOf('\n  disk full on host-7\nsecond line'));
    expect(alert.title).toBe('Unrecognised SNS message');
    expect(alert.correlation?.value).toBe(
      'arn:aws:sns:us-east-1:111122223333:incident-alerts|disk full on host-7',
    );
    expect(alert.raw).toBe('\n  disk full on host-7\nsecond line');
  });

  it('says why a message fell through when a parser rejected it', () => {
    const alert = buildUnknownAlert(
      notificationOf('{}'),
      'Looked like a CloudWatch alarm but <x> was missing',
    );
    expect(alert.detail).toBe(
      'Looked like a CloudWatch alarm but &lt;x&gt; was missing. Posted as received.',
    );
  });

  it('keeps a long subject within the title limit', () => {
    expect(buildUnknownAlert(notificationOf('x', { subject: 's'.repeat(300) })).title).toHaveLength(150);
  });
});
