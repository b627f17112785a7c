import { type ForgedVariant, forgeVariant } from './forge-body.ts';
import { buildCertificateVariants } from './forged-certificate-variants.ts';
import { buildEnvelopeVariants } from './forged-envelope-variants.ts';
import { buildSignedFieldVariants } from './forged-signed-field-variants.ts';
import { BASE, GENUINE_DIR, readGenuineManifest, readGenuineString } from './genuine-fixtures.ts';

export type { ForgedVariant } from './forge-body.ts';

/** Pin certificates here (SNS_CERT_DIR), and refuse network fetches, when replaying the variants. */
export const VARIANT_CERT_DIR = GENUINE_DIR;

/** The allow-list the variants assume: every genuine topic except the php2017 one (`testing1`). */
export const VARIANT_ALLOWED_TOPIC_ARNS: readonly string[] = [
  ...new Set(readGenuineManifest().map((entry) => readGenuineString(entry.file, 'TopicArn'))),
].filter((arn) => arn !== readGenuineString(BASE.otherTopic, 'TopicArn'));

/**
 * Forged or malformed SNS bodies built from the genuine fixtures, each with the exact reason the
 * verifier must give. Replay each with certificates pinned to VARIANT_CERT_DIR, network fetches
 * refused, the clock at `now` and allowedTopicArns = VARIANT_ALLOWED_TOPIC_ARNS.
 */
export function buildForgedVariants(): ForgedVariant[] {
  return [
    ...buildSignedFieldVariants(),
    ...buildEnvelopeVariants(),
    ...buildCertificateVariants(),
    forgeVariant(
      'TopicArn not in the allow-list (genuine message)',
      BASE.otherTopic,
      'topic_not_allowed',
      () => {},
    ),
  ];
}
