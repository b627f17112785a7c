import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSignedSnsBody } from '../../../sandbox/sns/build-signed-sns-body.ts';
import { type ForgedVariant, forgeVariant, readSignedAt } from './forge-body.ts';
import { BASE, GENUINE_DIR, OTTO_FILE, readGenuineBody, readGenuineString } from './genuine-fixtures.ts';

// A SigV1 Notification with Subject, topic in us-east-2, signed with certificate 7ff5….
const FILE = BASE.v1Subject;
const HEX = '7ff5318490ec183fbaddaa2a969abfda';
const GOOD_PATH = `/SimpleNotificationService-${HEX}.pem`;
const GOOD_URL = `https://sns.us-east-2.amazonaws.com${GOOD_PATH}`;

// Test-only certificates in GENUINE_DIR, self-signed with forger/forger-signing-key.pem.
const WRONG_CN_URL =
  'https://sns.us-east-2.amazonaws.com/SimpleNotificationService-949d0d9dadef2892a42b439efa655d39.pem';
const WRONG_SAN_URL =
  'https://sns.us-east-2.amazonaws.com/SimpleNotificationService-e0d584f1f38e48c5273dc1600079a7a4.pem';

const BAD_CERT_URLS: Array<[string, string]> = [
  ['S3 bucket "sns" on a legacy regional S3 host', `https://sns.s3-ap-southeast-2.amazonaws.com${GOOD_PATH}`],
  [
    '.pem only in the query',
    `https://sns.us-east-2.amazonaws.com/?Action=Get&x=SimpleNotificationService-${HEX}.pem`,
  ],
  ['empty query', `${GOOD_URL}?`],
  ['fragment', `${GOOD_URL}#x.pem`],
  ['user info', `https://user@sns.us-east-2.amazonaws.com${GOOD_PATH}`],
  ['@ trick to another host', `https://sns.us-east-2.amazonaws.com@evil.example${GOOD_PATH}`],
  ['http', `http://sns.us-east-2.amazonaws.com${GOOD_PATH}`],
  ['other host', `https://evil.example${GOOD_PATH}`],
  ['explicit port 443', `https://sns.us-east-2.amazonaws.com:443${GOOD_PATH}`],
  ['explicit port 8443', `https://sns.us-east-2.amazonaws.com:8443${GOOD_PATH}`],
  ['another region than the topic', `https://sns.us-west-2.amazonaws.com${GOOD_PATH}`],
  ['China suffix for a commercial region', `https://sns.us-east-2.amazonaws.com.cn${GOOD_PATH}`],
  ['path traversal', `https://sns.us-east-2.amazonaws.com/x/..${GOOD_PATH}`],
  ['percent-encoded traversal', `https://sns.us-east-2.amazonaws.com/x/%2e%2e${GOOD_PATH}`],
  [
    'percent-encoded path character',
    `https://sns.us-east-2.amazonaws.com/SimpleNotificationService-%37ff5318490ec183fbaddaa2a969abfda.pem`,
  ],
  ['uppercase hex', `https://sns.us-east-2.amazonaws.com/SimpleNotificationService-${HEX.toUpperCase()}.pem`],
  ['uppercase host', `https://SNS.US-EAST-2.AMAZONAWS.COM${GOOD_PATH}`],
  ['lookalike host with evil suffix', `https://sns.us-east-2.amazonaws.com.evil.com${GOOD_PATH}`],
  ['trailing-dot host', `https://sns.us-east-2.amazonaws.com.${GOOD_PATH}`],
  ['backslash path', `https://sns.us-east-2.amazonaws.com\\SimpleNotificationService-${HEX}.pem`],
  ['extra path segment', `https://sns.us-east-2.amazonaws.com/certs${GOOD_PATH}`],
  ['leading space', ` ${GOOD_URL}`],
  ['fullwidth letters in host', `https://ｓｎｓ.us-east-2.amazonaws.com${GOOD_PATH}`],
  ['not a URL', 'SimpleNotificationService.pem'],
];

function forgeWithForgerKey(
  name: string,
  signingCertUrl: string,
  reason: ForgedVariant['reason'],
): ForgedVariant {
  const privateKey = createPrivateKey(
    readFileSync(join(GENUINE_DIR, 'forger', 'forger-signing-key.pem'), 'utf8'),
  );
  const field = (key: string) => readGenuineString(FILE, key);
  const body = buildSignedSnsBody(
    {
      Type: 'Notification',
      MessageId: field('MessageId'),
      TopicArn: field('TopicArn'),
      Subject: field('Subject'),
      Message: 'Forged: all is well, stand down.',
      Timestamp: field('Timestamp'),
    },
    { signatureVersion: '1', privateKey, signingCertUrl },
  );
  return { name, body, reason, now: readSignedAt(FILE) };
}

/** Variants aimed at the SigningCertURL and the certificate behind it. */
export function buildCertificateVariants(): ForgedVariant[] {
  const urlVariants = BAD_CERT_URLS.map(([name, url]) =>
    forgeVariant(`SigningCertURL: ${name}`, FILE, 'bad_cert_url', (fields) => {
      fields['SigningCertURL'] = url;
    }),
  );
  return [
    ...urlVariants,
    {
      name: 'SigningCertURL: otto fixture as published (GitHub raw)',
      body: readGenuineBody(OTTO_FILE),
      reason: 'bad_cert_url',
      now: readSignedAt(OTTO_FILE),
    },
    forgeVariant(
      'certificate: not in the pinned dir and not fetchable',
      FILE,
      'cert_unavailable',
      (fields) => {
        fields['SigningCertURL'] =
          `https://sns.us-east-2.amazonaws.com/SimpleNotificationService-${'0'.repeat(32)}.pem`;
      },
    ),
    forgeVariant(
      'certificate: expired (clock 1 s after notAfter)',
      FILE,
      'cert_expired',
      () => {},
      new Date('2022-08-18T00:00:00.000Z'),
    ),
    forgeVariant(
      'certificate: not yet valid (clock 1 s before notBefore)',
      FILE,
      'cert_expired',
      () => {},
      new Date('2021-09-06T23:59:59.000Z'),
    ),
    forgeWithForgerKey('certificate: CN and SAN are not sns.amazonaws.com', WRONG_CN_URL, 'cert_invalid'),
    forgeWithForgerKey(
      'certificate: CN sns.amazonaws.com but SAN another name',
      WRONG_SAN_URL,
      'cert_invalid',
    ),
    forgeWithForgerKey('signature: made by another key, AWS certificate URL', GOOD_URL, 'bad_signature'),
  ];
}
