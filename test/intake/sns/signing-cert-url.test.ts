import { describe, expect, it } from 'vitest';
import { checkSigningCertUrl } from '../../../src/intake/sns/signing-cert-url.ts';

const HEX = '7ff5318490ec183fbaddaa2a969abfda';
const FILE = `SimpleNotificationService-${HEX}.pem`;

describe('checkSigningCertUrl', () => {
  it.each([
    ['us-east-1', `https://sns.us-east-1.amazonaws.com/${FILE}`, 'sns.amazonaws.com'],
    ['eu-central-1', `https://sns.eu-central-1.amazonaws.com/${FILE}`, 'sns.amazonaws.com'],
    ['af-south-1', `https://sns.af-south-1.amazonaws.com/${FILE}`, 'sns-signing.af-south-1.amazonaws.com'],
    ['us-gov-west-1', `https://sns.us-gov-west-1.amazonaws.com/${FILE}`, 'sns-us-gov-west-1.amazonaws.com'],
    ['us-gov-east-1', `https://sns.us-gov-east-1.amazonaws.com/${FILE}`, 'sns-us-gov-west-1.amazonaws.com'],
    ['cn-north-1', `https://sns.cn-north-1.amazonaws.com.cn/${FILE}`, 'sns-cn-north-1.amazonaws.com.cn'],
    [
      'cn-northwest-1',
      `https://sns.cn-northwest-1.amazonaws.com.cn/${FILE}`,
      'sns-cn-northwest-1.amazonaws.com.cn',
    ],
  ])(
    'accepts the SNS certificate URL of %s and returns its file name and the certificate name AWS uses there',
    (region, url, certName) => {
      expect(checkSigningCertUrl(url, region)).toEqual({ ok: true, fileName: FILE, certName });
    },
  );

  it.each([
    ['a China region on the .com host', `https://sns.cn-north-1.amazonaws.com/${FILE}`, 'cn-north-1'],
    [
      'a GovCloud region on the .com.cn host',
      `https://sns.us-gov-west-1.amazonaws.com.cn/${FILE}`,
      'us-gov-west-1',
    ],
    ['the other GovCloud region', `https://sns.us-gov-west-1.amazonaws.com/${FILE}`, 'us-gov-east-1'],
    ['the other China region', `https://sns.cn-northwest-1.amazonaws.com.cn/${FILE}`, 'cn-north-1'],
    ['the signing name as host', `https://sns-signing.af-south-1.amazonaws.com/${FILE}`, 'af-south-1'],
    [
      'a topic region that is an S3 host name',
      `https://sns.s3-ap-southeast-2.amazonaws.com/${FILE}`,
      's3-ap-southeast-2',
    ],
    ['a topic region with dots', `https://sns.us-east-1.evil.amazonaws.com/${FILE}`, 'us-east-1.evil'],
    ['an empty topic region', `https://sns..amazonaws.com/${FILE}`, ''],
    ['another region', `https://sns.us-west-2.amazonaws.com/${FILE}`, 'us-east-1'],
    ['http', `http://sns.us-east-1.amazonaws.com/${FILE}`, 'us-east-1'],
    ['a user', `https://a@sns.us-east-1.amazonaws.com/${FILE}`, 'us-east-1'],
    ['a user and password', `https://a:b@sns.us-east-1.amazonaws.com/${FILE}`, 'us-east-1'],
    ['an empty user info', `https://@sns.us-east-1.amazonaws.com/${FILE}`, 'us-east-1'],
    ['the @ host trick', `https://sns.us-east-1.amazonaws.com@evil.example/${FILE}`, 'us-east-1'],
    ['port 443', `https://sns.us-east-1.amazonaws.com:443/${FILE}`, 'us-east-1'],
    ['port 444', `https://sns.us-east-1.amazonaws.com:444/${FILE}`, 'us-east-1'],
    ['a query', `https://sns.us-east-1.amazonaws.com/${FILE}?a=b`, 'us-east-1'],
    ['an empty query', `https://sns.us-east-1.amazonaws.com/${FILE}?`, 'us-east-1'],
    ['.pem only in the query', `https://sns.us-east-1.amazonaws.com/?Action=X&f=${FILE}`, 'us-east-1'],
    ['an empty fragment', `https://sns.us-east-1.amazonaws.com/${FILE}#`, 'us-east-1'],
    ['a lookalike suffix', `https://sns.us-east-1.amazonaws.com.evil.com/${FILE}`, 'us-east-1'],
    ['a lookalike prefix', `https://evilsns.us-east-1.amazonaws.com/${FILE}`, 'us-east-1'],
    ['a trailing-dot host', `https://sns.us-east-1.amazonaws.com./${FILE}`, 'us-east-1'],
    ['an uppercase host', `https://SNS.us-east-1.amazonaws.com/${FILE}`, 'us-east-1'],
    ['an uppercase scheme', `HTTPS://sns.us-east-1.amazonaws.com/${FILE}`, 'us-east-1'],
    ['a percent-encoded host', `https://sns.us-east-1.amazonaws%2Ecom/${FILE}`, 'us-east-1'],
    ['fullwidth host letters', `https://ｓｎｓ.us-east-1.amazonaws.com/${FILE}`, 'us-east-1'],
    [
      'uppercase hex',
      `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${HEX.toUpperCase()}.pem`,
      'us-east-1',
    ],
    [
      '31 hex digits',
      `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${HEX.slice(1)}.pem`,
      'us-east-1',
    ],
    [
      'a lower-case file prefix',
      `https://sns.us-east-1.amazonaws.com/simplenotificationservice-${HEX}.pem`,
      'us-east-1',
    ],
    [
      'a .PEM extension',
      `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${HEX}.PEM`,
      'us-east-1',
    ],
    [
      'a percent-encoded path',
      `https://sns.us-east-1.amazonaws.com/%53impleNotificationService-${HEX}.pem`,
      'us-east-1',
    ],
    ['path traversal', `https://sns.us-east-1.amazonaws.com/a/../${FILE}`, 'us-east-1'],
    ['encoded traversal', `https://sns.us-east-1.amazonaws.com/a/%2e%2e/${FILE}`, 'us-east-1'],
    ['a double slash', `https://sns.us-east-1.amazonaws.com//${FILE}`, 'us-east-1'],
    ['a subdirectory', `https://sns.us-east-1.amazonaws.com/x/${FILE}`, 'us-east-1'],
    ['a backslash', `https://sns.us-east-1.amazonaws.com\\${FILE}`, 'us-east-1'],
    ['backslashes after the scheme', `https:\\\\sns.us-east-1.amazonaws.com\\${FILE}`, 'us-east-1'],
    ['a tab inside the host', `https://sns.us-east-1.amazon\taws.com/${FILE}`, 'us-east-1'],
    ['a trailing newline', `https://sns.us-east-1.amazonaws.com/${FILE}\n`, 'us-east-1'],
    ['a leading space', ` https://sns.us-east-1.amazonaws.com/${FILE}`, 'us-east-1'],
    ['no scheme', `sns.us-east-1.amazonaws.com/${FILE}`, 'us-east-1'],
    ['an empty string', '', 'us-east-1'],
  ])('rejects %s', (_name, url, region) => {
    const check = checkSigningCertUrl(url, region);
    expect(check.ok).toBe(false);
    expect(check).toHaveProperty('reason', expect.any(String));
  });

  it('says why, for the log', () => {
    expect(checkSigningCertUrl(`https://sns.us-west-2.amazonaws.com/${FILE}`, 'us-east-1')).toEqual({
      ok: false,
      reason: 'host is not sns.us-east-1.amazonaws.com',
    });
    expect(checkSigningCertUrl(`https://sns.us-east-1.amazonaws.com:443/${FILE}`, 'us-east-1')).toEqual({
      ok: false,
      reason: 'has a port',
    });
    expect(checkSigningCertUrl(`https://sns.us-east-1.amazonaws.com/a/../${FILE}`, 'us-east-1')).toEqual({
      ok: false,
      reason: 'not in canonical form',
    });
  });
});
