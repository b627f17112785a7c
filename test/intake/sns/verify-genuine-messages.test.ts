import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock.ts';
import { createCertificateSource } from '../../../src/intake/sns/certificate-source.ts';
import { checkSigningCertUrl } from '../../../src/intake/sns/signing-cert-url.ts';
import { readTopicRegion } from '../../../src/intake/sns/sns-region.ts';
import { SnsRejectedError } from '../../../src/intake/sns/sns-rejected-error.ts';
import { verifySnsMessage } from '../../../src/intake/sns/verify-sns-message.ts';
import {
  GENUINE_DIR,
  OTTO_FILE,
  readGenuineBody,
  readGenuineFields,
  readGenuineManifest,
  readGenuineString,
  readOttoWithAwsCertUrl,
} from './genuine-fixtures.ts';

const manifest = readGenuineManifest();

function verifyGenuine(body: string, file: string, now = new Date(readGenuineString(file, 'Timestamp'))) {
  return verifySnsMessage(body, {
    allowedTopicArns: [readGenuineString(file, 'TopicArn')],
    certificates: createCertificateSource({
      pinnedDir: GENUINE_DIR,
      fetchPem: async () => {
        throw new Error('network refused in tests');
      },
    }),
    clock: new ManualClock(now),
  });
}

function readVerifiableBody(file: string): string {
  return file === OTTO_FILE ? readOttoWithAwsCertUrl() : readGenuineBody(file);
}

describe('genuine AWS-signed SNS messages', () => {
  it('has all 12 fixtures', () => {
    expect(manifest).toHaveLength(12);
  });

  it.each(manifest.map((entry) => [entry.file, entry] as const))('verifies %s', async (file, entry) => {
    const fields = readGenuineFields(file);
    const verified = await verifyGenuine(readVerifiableBody(file), file);
    expect(verified.type).toBe(entry.Type);
    expect(verified.messageId).toBe(fields['MessageId']);
    expect(verified.topicArn).toBe(fields['TopicArn']);
    expect(verified.message).toBe(fields['Message']);
    expect(verified.timestamp.toISOString()).toBe(fields['Timestamp']);
    expect(verified.subject).toBe(entry.subject ? fields['Subject'] : undefined);
    expect(verified.token).toBe(fields['Token']);
    expect(verified.subscribeUrl).toBe(fields['SubscribeURL']);
  });

  it.each(manifest.filter((entry) => entry.file !== OTTO_FILE).map((entry) => [entry.file, entry] as const))(
    'names the listed certificate, on the TopicArn region host, in %s',
    (file, entry) => {
      const region = readTopicRegion(readGenuineString(file, 'TopicArn')) ?? 'none';
      expect(checkSigningCertUrl(readGenuineString(file, 'SigningCertURL'), region)).toEqual({
        ok: true,
        fileName: entry.cert,
        certName: 'sns.amazonaws.com',
      });
    },
  );

  it('rejects the otto message as published, with its SigningCertURL rewritten to GitHub', async () => {
    await expect(verifyGenuine(readGenuineBody(OTTO_FILE), OTTO_FILE)).rejects.toMatchObject({
      reason: 'bad_cert_url',
      code: 'SNS.BAD_CERT_URL',
    });
  });

  it('verifies regardless of JSON layout, since the signature covers decoded values', async () => {
    const file = 'djangoses-notification-ses-complaint-sigv1-subject.json';
    const compact = JSON.stringify(readGenuineFields(file));
    await expect(verifyGenuine(compact, file)).resolves.toMatchObject({ messageId: expect.any(String) });
  });

  it('treats "Subject": null as absent, as Lambda-shaped copies carry it', async () => {
    const file = 'php2022-notification-sigv2-nosubject.json';
    const body = JSON.stringify({ ...readGenuineFields(file), Subject: null });
    const verified = await verifyGenuine(body, file);
    expect(verified).not.toHaveProperty('subject');
  });

  it('ignores unsigned fields such as UnsubscribeURL and MessageAttributes', async () => {
    const file = 'php2022-notification-sigv1-subject.json';
    const fields = readGenuineFields(file);
    const body = JSON.stringify({
      ...fields,
      UnsubscribeURL: 'https://evil.example/',
      MessageAttributes: {},
    });
    await expect(verifyGenuine(body, file)).resolves.toMatchObject({ message: 'Hello world' });
  });

  it('accepts at the last second of the certificate validity and refuses one second later', async () => {
    const file = 'php2022-notification-sigv1-nosubject.json';
    const body = readGenuineBody(file);
    await expect(verifyGenuine(body, file, new Date('2022-08-17T23:59:59Z'))).resolves.toBeDefined();
    await expect(verifyGenuine(body, file, new Date('2022-08-18T00:00:00Z'))).rejects.toBeInstanceOf(
      SnsRejectedError,
    );
  });
});
