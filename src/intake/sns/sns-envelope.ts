import { z } from 'zod';
import { readTopicRegion } from './sns-region.ts';
import { SnsRejectedError } from './sns-rejected-error.ts';

const nonEmpty = z.string().min(1);

// Fields every type carries. SignatureVersion stays unknown here so a bad one gets its own reason.
const common = {
  MessageId: nonEmpty,
  TopicArn: nonEmpty.refine((arn) => readTopicRegion(arn) !== undefined, 'not an SNS topic ARN'),
  Message: z.string(),
  Timestamp: z.iso.datetime(),
  SignatureVersion: z.unknown().optional(),
  Signature: z.string(),
  SigningCertURL: nonEmpty,
};

const notification = z.object({
  Type: z.literal('Notification'),
  ...common,
  // Lambda-shaped copies carry `"Subject": null`; SNS signs it as absent.
  Subject: z
    .string()
    .nullish()
    .transform((subject) => subject ?? undefined),
});

const confirmation = z.object({
  Type: z.enum(['SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  ...common,
  Token: nonEmpty,
  SubscribeURL: nonEmpty,
});

const envelopeSchema = z.discriminatedUnion('Type', [notification, confirmation]);

/** The fields of an SNS HTTP(S) envelope warroom reads, as decoded from its JSON (unsigned keys dropped). */
export type SnsEnvelope = z.infer<typeof envelopeSchema>;

/**
 * Checks the shape of a parsed SNS body: a known `Type` and every field that type needs. Says nothing
 * about authenticity. Throws SnsRejectedError `invalid_envelope`, naming the bad keys (never values).
 */
export function parseSnsEnvelope(value: unknown): SnsEnvelope {
  const result = envelopeSchema.safeParse(value);
  if (result.success) return result.data;
  const keys = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
  throw new SnsRejectedError('invalid_envelope', { detail: `bad keys: ${keys.join(', ')}` });
}
