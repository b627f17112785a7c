import { describe, expect, it } from 'vitest';
import { buildStringToSign } from '../../../src/intake/sns/string-to-sign.ts';

describe('buildStringToSign', () => {
  it('matches the Notification example in the AWS documentation', () => {
    const text = buildStringToSign({
      Type: 'Notification',
      Message: 'My Test Message',
      MessageId: '4d4dc071-ddbf-465d-bba8-08f81c89da64',
      Subject: 'My subject',
      Timestamp: '2019-01-31T04:37:04.321Z',
      TopicArn: 'arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P',
    });
    expect(text).toBe(
      'Message\nMy Test Message\nMessageId\n4d4dc071-ddbf-465d-bba8-08f81c89da64\nSubject\nMy subject\n' +
        'Timestamp\n2019-01-31T04:37:04.321Z\nTopicArn\narn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P\n' +
        'Type\nNotification\n',
    );
  });

  it('leaves Subject out when absent but keeps an empty one', () => {
    const fields = {
      Type: 'Notification',
      Message: 'm',
      MessageId: 'i',
      Timestamp: 't',
      TopicArn: 'a',
    } as const;
    expect(buildStringToSign(fields)).toBe(
      'Message\nm\nMessageId\ni\nTimestamp\nt\nTopicArn\na\nType\nNotification\n',
    );
    expect(buildStringToSign({ ...fields, Subject: '' })).toContain('MessageId\ni\nSubject\n\nTimestamp');
  });

  it('signs Token and SubscribeURL for an UnsubscribeConfirmation', () => {
    const text = buildStringToSign({
      Type: 'UnsubscribeConfirmation',
      Message: 'm',
      MessageId: 'i',
      SubscribeURL: 'u',
      Timestamp: 't',
      Token: 'k',
      TopicArn: 'a',
    });
    expect(text).toBe(
      'Message\nm\nMessageId\ni\nSubscribeURL\nu\nTimestamp\nt\nToken\nk\nTopicArn\na\nType\nUnsubscribeConfirmation\n',
    );
  });
});
