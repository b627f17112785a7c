import { describe, expect, it } from 'vitest';
import { buildSignedNotification } from '../../../sandbox/sns/sign-sns-message.ts';
import { createCertificateSource } from '../../../src/intake/sns/certificate-source.ts';
import { verifySnsMessage } from '../../../src/intake/sns/verify-sns-message.ts';

describe('verifySnsMessage topic check', () => {
  it('refuses an unlisted topic before fetching any certificate', async () => {
    const fetched: string[] = [];
    const certificates = createCertificateSource({
      fetchPem: async (url) => {
        fetched.push(url);
        throw new Error('no network in tests');
      },
    });
    const body = buildSignedNotification({
      topicArn: 'arn:aws:sns:eu-west-1:123456789012:not-ours',
      message: 'hi',
    });
    await expect(
      verifySnsMessage(body, {
        allowedTopicArns: ['arn:aws:sns:eu-west-1:123456789012:ours'],
        certificates,
        clock: { now: () => new Date() },
      }),
    ).rejects.toMatchObject({ reason: 'topic_not_allowed' });
    expect(fetched).toEqual([]);
  });
});
