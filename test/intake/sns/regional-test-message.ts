import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { buildSignedSnsBody } from '../../../sandbox/sns/build-signed-sns-body.ts';
import { buildSnsEndpointHost, readTopicRegion } from '../../../src/intake/sns/sns-region.ts';
import { buildTestCertificate } from './build-test-certificate.ts';

/** Inside the test certificates' validity (2026-01-01..2027-01-01): sign and verify at this instant. */
export const REGIONAL_SIGNED_AT = new Date('2026-06-01T12:00:00.000Z');

/** A message signed by a freshly made certificate, served (in the test) at `certUrl`. */
export interface RegionalTestMessage {
  body: string;
  certUrl: string;
  /** The certificate's PEM and its SimpleNotificationService-<md5>.pem file name. */
  pem: string;
  fileName: string;
}

let keys: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

// One key pair for every certificate: RSA generation is slow and the names are what is under test.
function readKeys(): { privateKey: KeyObject; publicKey: KeyObject } {
  keys ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return keys;
}

/**
 * A Notification from `topicArn`, signed (SigV2) with a new certificate whose CN is `commonName` and
 * whose SAN lists `dnsNames`, on the SNS host of the topic's Region as SNS writes it.
 */
export function buildRegionalTestMessage(
  topicArn: string,
  commonName: string,
  dnsNames: readonly string[],
): RegionalTestMessage {
  const region = readTopicRegion(topicArn);
  if (region === undefined) throw new Error(`not an SNS topic ARN: ${topicArn}`);
  const { privateKey, publicKey } = readKeys();
  const { pem, fileName } = buildTestCertificate({
    commonName,
    dnsNames,
    notBefore: new Date('2026-01-01T00:00:00.000Z'),
    notAfter: new Date('2027-01-01T00:00:00.000Z'),
    privateKey,
    publicKey,
  });
  const certUrl = `https://${buildSnsEndpointHost(region)}/${fileName}`;
  const body = buildSignedSnsBody(
    {
      Type: 'Notification',
      MessageId: `00000000-0000-4000-8000-${fileName.slice(26, 38)}`,
      TopicArn: topicArn,
      Subject: `Test from ${region}`,
      Message: `Signed in ${region} by a certificate for ${commonName}`,
      Timestamp: REGIONAL_SIGNED_AT.toISOString(),
    },
    { signatureVersion: '2', privateKey, signingCertUrl: certUrl },
  );
  return { body, certUrl, pem, fileName };
}
