import { BotError } from '../../errors.ts';

/**
 * Why an SNS message was refused. A fixed, small set so each value can be a Prometheus label
 * without blowing up cardinality.
 */
export const SNS_REJECT_REASONS = [
  'malformed_json',
  'invalid_envelope',
  'unsupported_signature_version',
  'bad_cert_url',
  'cert_unavailable',
  'cert_invalid',
  'cert_expired',
  'bad_signature',
  'topic_not_allowed',
] as const;

export type SnsRejectReason = (typeof SNS_REJECT_REASONS)[number];

// Sent back to the caller in the 4xx body, so they name the failed check and nothing more.
const USER_MESSAGES: Record<SnsRejectReason, string> = {
  malformed_json: 'SNS message body is not valid JSON.',
  invalid_envelope: 'SNS message envelope is missing or has invalid fields.',
  unsupported_signature_version: 'SNS SignatureVersion must be "1" or "2".',
  bad_cert_url: 'SNS SigningCertURL is not an Amazon SNS certificate URL for the topic region.',
  cert_unavailable: 'SNS signing certificate could not be obtained.',
  cert_invalid: 'SNS signing certificate is not a valid Amazon SNS certificate for the topic region.',
  cert_expired: 'SNS signing certificate is outside its validity period.',
  bad_signature: 'SNS message signature does not verify.',
  topic_not_allowed: 'SNS topic is not allowed.',
};

/**
 * Thrown for every SNS message warroom refuses. `code` is `SNS.<REASON>` (e.g. `SNS.BAD_SIGNATURE`),
 * `reason` the lower-case label, `userMessage` a fixed safe sentence; `message` may carry a detail
 * for the log only.
 */
export class SnsRejectedError extends BotError {
  readonly reason: SnsRejectReason;

  constructor(reason: SnsRejectReason, options: { cause?: unknown; detail?: string } = {}) {
    super(`SNS.${reason.toUpperCase()}`, USER_MESSAGES[reason], options);
    this.name = 'SnsRejectedError';
    this.reason = reason;
  }
}
