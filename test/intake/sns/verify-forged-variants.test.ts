import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock.ts';
import { createCertificateSource } from '../../../src/intake/sns/certificate-source.ts';
import { SNS_REJECT_REASONS, SnsRejectedError } from '../../../src/intake/sns/sns-rejected-error.ts';
import { verifySnsMessage } from '../../../src/intake/sns/verify-sns-message.ts';
import { buildForgedVariants, VARIANT_ALLOWED_TOPIC_ARNS, VARIANT_CERT_DIR } from './forged-variants.ts';

const variants = buildForgedVariants();

async function rejectionOf(body: string, now: Date): Promise<unknown> {
  const certificates = createCertificateSource({
    pinnedDir: VARIANT_CERT_DIR,
    fetchPem: async () => {
      throw new Error('network refused in tests');
    },
  });
  try {
    await verifySnsMessage(body, {
      allowedTopicArns: VARIANT_ALLOWED_TOPIC_ARNS,
      certificates,
      clock: new ManualClock(now),
    });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('forged and malformed SNS messages', () => {
  it('offers at least 30 distinctly named variants covering every rejection reason', () => {
    expect(variants.length).toBeGreaterThanOrEqual(30);
    expect(new Set(variants.map((variant) => variant.name)).size).toBe(variants.length);
    expect(new Set(variants.map((variant) => variant.reason))).toEqual(new Set(SNS_REJECT_REASONS));
  });

  it('keeps the allow-list to the genuine topics minus one', () => {
    expect(VARIANT_ALLOWED_TOPIC_ARNS).toContain('arn:aws:sns:us-east-1:155944137683:jns-sns-s3-test');
    expect(VARIANT_ALLOWED_TOPIC_ARNS).not.toContain('arn:aws:sns:us-west-2:604091128280:testing1');
  });

  it.each(variants.map((variant) => [variant.name, variant] as const))(
    'rejects %s with its exact reason',
    async (_name, variant) => {
      const error = await rejectionOf(variant.body, variant.now);
      expect(error).toBeInstanceOf(SnsRejectedError);
      const rejection = error as SnsRejectedError;
      expect(rejection.reason).toBe(variant.reason);
      expect(rejection.code).toBe(`SNS.${variant.reason.toUpperCase()}`);
    },
  );
});
