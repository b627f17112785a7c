import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock.ts';
import { createCertificateSource } from '../../../src/intake/sns/certificate-source.ts';
import { verifySnsMessage } from '../../../src/intake/sns/verify-sns-message.ts';
import {
  buildRegionalTestMessage,
  REGIONAL_SIGNED_AT,
  type RegionalTestMessage,
} from './regional-test-message.ts';

// What AWS's certificates name, per Region (docs/sns-signing.md): opt-in Regions carry
// `sns-signing.<region>` as CN and SAN, with `sns.<region>` in the SAN too.
function optIn(region: string): [string, string[]] {
  const name = `sns-signing.${region}.amazonaws.com`;
  return [name, [name, `sns.${region}.amazonaws.com`]];
}

function only(name: string): [string, string[]] {
  return [name, [name]];
}

// Served by an injected fetch (nothing pinned), as the network would serve AWS's certificate.
function verify(message: RegionalTestMessage, topicArn: string) {
  return verifySnsMessage(message.body, {
    allowedTopicArns: [topicArn],
    certificates: createCertificateSource({
      fetchPem: async (url) => {
        if (url !== message.certUrl) throw new Error(`unexpected fetch of ${url}`);
        return message.pem;
      },
    }),
    clock: new ManualClock(REGIONAL_SIGNED_AT),
  });
}

describe('signing certificates across AWS partitions and Regions', () => {
  it.each([
    ['aws', 'us-east-1', only('sns.amazonaws.com')],
    ['aws', 'af-south-1', optIn('af-south-1')],
    ['aws', 'ap-east-1', optIn('ap-east-1')],
    ['aws', 'me-south-1', optIn('me-south-1')],
    ['aws', 'eu-south-1', optIn('eu-south-1')],
    ['aws', 'mx-central-1', optIn('mx-central-1')],
    ['aws-cn', 'cn-north-1', only('sns-cn-north-1.amazonaws.com.cn')],
    ['aws-cn', 'cn-northwest-1', only('sns-cn-northwest-1.amazonaws.com.cn')],
    ['aws-us-gov', 'us-gov-west-1', only('sns-us-gov-west-1.amazonaws.com')],
    ['aws-us-gov', 'us-gov-east-1', only('sns-us-gov-west-1.amazonaws.com')],
  ] as const)(
    'accepts a message from %s/%s signed by a certificate named as AWS names it there',
    async (partition, region, [cn, san]) => {
      const topicArn = `arn:${partition}:sns:${region}:123456789012:alarms`;
      const message = buildRegionalTestMessage(topicArn, cn, san);
      await expect(verify(message, topicArn)).resolves.toMatchObject({
        type: 'Notification',
        topicArn,
        message: `Signed in ${region} by a certificate for ${cn}`,
      });
    },
  );

  it.each([
    ['aws', 'af-south-1', 'the commercial name', only('sns.amazonaws.com')],
    ['aws', 'af-south-1', "another opt-in Region's name", optIn('me-south-1')],
    ['aws', 'af-south-1', 'only its regional endpoint name', only('sns.af-south-1.amazonaws.com')],
    [
      'aws',
      'af-south-1',
      'the right CN but not in the SAN',
      ['sns-signing.af-south-1.amazonaws.com', ['sns.amazonaws.com']],
    ],
    ['aws', 'us-east-1', 'an opt-in style name', optIn('us-east-1')],
    ['aws', 'us-east-1', "a China Region's name", only('sns-cn-north-1.amazonaws.com.cn')],
    ['aws', 'us-east-1', 'a wildcard', only('*.amazonaws.com')],
    ['aws-cn', 'cn-north-1', 'the commercial name', only('sns.amazonaws.com')],
    ['aws-cn', 'cn-north-1', "the other China Region's name", only('sns-cn-northwest-1.amazonaws.com.cn')],
    ['aws-us-gov', 'us-gov-east-1', 'its own Region in the name', only('sns-us-gov-east-1.amazonaws.com')],
    ['aws-us-gov', 'us-gov-west-1', 'the commercial name', only('sns.amazonaws.com')],
  ] as const)(
    'refuses a message from %s/%s signed by a certificate with %s',
    async (partition, region, _what, [cn, san]) => {
      const topicArn = `arn:${partition}:sns:${region}:123456789012:alarms`;
      const message = buildRegionalTestMessage(topicArn, cn, san);
      await expect(verify(message, topicArn)).rejects.toMatchObject({
        reason: 'cert_invalid',
        message: expect.stringContaining('not issued to'),
      });
    },
  );

  it("refuses a certificate for the topic Region's name served from another Region's host", async () => {
    const topicArn = 'arn:aws:sns:af-south-1:123456789012:alarms';
    const [cn, san] = optIn('af-south-1');
    const message = buildRegionalTestMessage(topicArn, cn, san);
    const moved = {
      ...message,
      body: message.body.replace(
        'https://sns.af-south-1.amazonaws.com/',
        'https://sns.me-south-1.amazonaws.com/',
      ),
    };
    await expect(verify(moved, topicArn)).rejects.toMatchObject({ reason: 'bad_cert_url' });
  });
});
