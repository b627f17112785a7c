import { describe, expect, it } from 'vitest';
import { buildSigningCertName } from '../../../src/intake/sns/signing-cert-name.ts';

// The expected names are AWS's own (aws-sdk-java-v2 SnsHostProvider and its test; docs/sns-signing.md).
describe('buildSigningCertName', () => {
  it.each([
    ['us-east-1', 'sns.amazonaws.com'],
    ['us-west-2', 'sns.amazonaws.com'],
    ['eu-central-1', 'sns.amazonaws.com'],
    ['ap-northeast-1', 'sns.amazonaws.com'],
    ['af-south-1', 'sns-signing.af-south-1.amazonaws.com'],
    ['ap-east-1', 'sns-signing.ap-east-1.amazonaws.com'],
    ['ap-east-2', 'sns-signing.ap-east-2.amazonaws.com'],
    ['ap-south-2', 'sns-signing.ap-south-2.amazonaws.com'],
    ['ap-southeast-3', 'sns-signing.ap-southeast-3.amazonaws.com'],
    ['ap-southeast-4', 'sns-signing.ap-southeast-4.amazonaws.com'],
    ['ap-southeast-5', 'sns-signing.ap-southeast-5.amazonaws.com'],
    ['ap-southeast-6', 'sns-signing.ap-southeast-6.amazonaws.com'],
    ['ap-southeast-7', 'sns-signing.ap-southeast-7.amazonaws.com'],
    ['ca-west-1', 'sns-signing.ca-west-1.amazonaws.com'],
    ['eu-central-2', 'sns-signing.eu-central-2.amazonaws.com'],
    ['eu-south-1', 'sns-signing.eu-south-1.amazonaws.com'],
    ['eu-south-2', 'sns-signing.eu-south-2.amazonaws.com'],
    ['il-central-1', 'sns-signing.il-central-1.amazonaws.com'],
    ['me-central-1', 'sns-signing.me-central-1.amazonaws.com'],
    ['me-south-1', 'sns-signing.me-south-1.amazonaws.com'],
    ['mx-central-1', 'sns-signing.mx-central-1.amazonaws.com'],
    ['cn-north-1', 'sns-cn-north-1.amazonaws.com.cn'],
    ['cn-northwest-1', 'sns-cn-northwest-1.amazonaws.com.cn'],
    ['us-gov-west-1', 'sns-us-gov-west-1.amazonaws.com'],
    ['us-gov-east-1', 'sns-us-gov-west-1.amazonaws.com'],
  ])('names %s certificates %s', (region, name) => {
    expect(buildSigningCertName(region)).toBe(name);
  });

  it.each([
    ['an unknown commercial Region', 'us-east-9', 'sns.amazonaws.com'],
    ['an unknown China Region', 'cn-northwest-9', 'sns.amazonaws.com.cn'],
    ['an unknown GovCloud Region', 'us-gov-west-3', 'sns.amazonaws.com'],
  ])('guesses as the SDK does for %s', (_what, region, name) => {
    expect(buildSigningCertName(region)).toBe(name);
  });
});
