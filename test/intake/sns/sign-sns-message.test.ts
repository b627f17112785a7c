import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSignedNotification,
  buildSignedSubscriptionConfirmation,
  SANDBOX_SNS_CERT_DIR,
  SANDBOX_SNS_CERT_FILE_NAME,
} from '../../../sandbox/sns/sign-sns-message.ts';
import { ManualClock } from '../../../src/clock.ts';
import {
  type CertificateSourceOptions,
  createCertificateSource,
} from '../../../src/intake/sns/certificate-source.ts';
import { verifySnsMessage } from '../../../src/intake/sns/verify-sns-message.ts';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:warroom-alarms';
const AT = new Date('2026-11-22T09:00:00.000Z');
const refuseFetch = async (): Promise<string> => {
  throw new Error('network refused in tests');
};

function verifyAt(
  body: string,
  certificates: CertificateSourceOptions = { pinnedDir: SANDBOX_SNS_CERT_DIR },
) {
  return verifySnsMessage(body, {
    allowedTopicArns: [TOPIC, 'arn:aws-cn:sns:cn-north-1:123456789012:alarms'],
    certificates: createCertificateSource({ fetchPem: refuseFetch, ...certificates }),
    clock: new ManualClock(AT),
  });
}

describe('sandbox SNS signing kit', () => {
  it.each([
    ['1', 'Database down'],
    ['2', 'Database down'],
    ['1', undefined],
    ['2', undefined],
  ] as const)(
    'signs a SigV%s Notification (subject %s) that the verifier accepts',
    async (version, subject) => {
      const body = buildSignedNotification({
        topicArn: TOPIC,
        message: '{"AlarmName":"db-cpu",\n"note":"quote \\" and ünïcode"}\n',
        subject,
        messageId: 'b1f2c3d4-0000-4000-8000-000000000001',
        timestamp: AT,
        signatureVersion: version,
      });
      const verified = await verifyAt(body);
      expect(verified).toEqual({
        type: 'Notification',
        messageId: 'b1f2c3d4-0000-4000-8000-000000000001',
        topicArn: TOPIC,
        message: '{"AlarmName":"db-cpu",\n"note":"quote \\" and ünïcode"}\n',
        timestamp: AT,
        ...(subject === undefined ? {} : { subject }),
      });
      expect(JSON.parse(body)).toMatchObject({ SignatureVersion: version });
    },
  );

  it('signs a SubscriptionConfirmation that the verifier accepts', async () => {
    const body = buildSignedSubscriptionConfirmation({ topicArn: TOPIC, token: 'tok-123', timestamp: AT });
    await expect(verifyAt(body)).resolves.toMatchObject({
      type: 'SubscriptionConfirmation',
      token: 'tok-123',
      subscribeUrl: `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=tok-123`,
    });
  });

  it('lays the body out as SNS does, with the sandbox certificate on the topic region host', () => {
    const body = buildSignedNotification({ topicArn: TOPIC, message: 'hi', timestamp: AT });
    expect(body.startsWith('{\n  "Type" : "Notification",\n  "MessageId" : "')).toBe(true);
    expect(Object.keys(JSON.parse(body))).toEqual([
      'Type',
      'MessageId',
      'TopicArn',
      'Message',
      'Timestamp',
      'SignatureVersion',
      'Signature',
      'SigningCertURL',
      'UnsubscribeURL',
    ]);
    expect(JSON.parse(body)).toMatchObject({
      SigningCertURL: `https://sns.eu-west-1.amazonaws.com/${SANDBOX_SNS_CERT_FILE_NAME}`,
      UnsubscribeURL: expect.stringMatching(
        /^https:\/\/sns\.eu-west-1\.amazonaws\.com\/\?Action=Unsubscribe&SubscriptionArn=/,
      ),
    });
  });

  it('uses the .amazonaws.com.cn host for a China topic, where its sns.amazonaws.com certificate is refused', async () => {
    const topicArn = 'arn:aws-cn:sns:cn-north-1:123456789012:alarms';
    const body = buildSignedNotification({ topicArn, message: 'hi', timestamp: AT });
    expect(JSON.parse(body).SigningCertURL).toMatch(/^https:\/\/sns\.cn-north-1\.amazonaws\.com\.cn\//);
    // China certificates name sns-cn-north-1.amazonaws.com.cn; the sandbox certificate is commercial.
    await expect(verifyAt(body)).rejects.toMatchObject({ reason: 'cert_invalid' });
  });

  it('is refused when the sandbox certificate is not pinned and fetching is refused', async () => {
    const body = buildSignedNotification({ topicArn: TOPIC, message: 'hi', timestamp: AT });
    await expect(verifyAt(body, {})).rejects.toMatchObject({ reason: 'cert_unavailable' });
  });

  it('is refused when a signed field is altered', async () => {
    const body = buildSignedNotification({ topicArn: TOPIC, message: 'all good', timestamp: AT });
    await expect(verifyAt(body.replace('"all good"', '"all bad"'))).rejects.toMatchObject({
      reason: 'bad_signature',
    });
  });

  it('ships a certificate named by the MD5 of its DER, for sns.amazonaws.com, valid 2024-01-01..2045-01-01', () => {
    expect(isAbsolute(SANDBOX_SNS_CERT_DIR)).toBe(true);
    const cert = new X509Certificate(readFileSync(join(SANDBOX_SNS_CERT_DIR, SANDBOX_SNS_CERT_FILE_NAME)));
    const md5 = createHash('md5').update(cert.raw).digest('hex');
    expect(SANDBOX_SNS_CERT_FILE_NAME).toBe(`SimpleNotificationService-${md5}.pem`);
    expect(cert.subject).toBe('CN=sns.amazonaws.com');
    expect(cert.subjectAltName).toBe('DNS:sns.amazonaws.com');
    expect(cert.validFrom).toBe('Jan  1 00:00:00 2024 GMT');
    expect(cert.validTo).toBe('Jan  1 00:00:00 2045 GMT');
  });
});
