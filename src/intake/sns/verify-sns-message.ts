import type { Clock } from '../../clock.ts';
import type { CertificateSource } from './certificate-source.ts';
import { checkSigningCertificate } from './check-signing-certificate.ts';
import { checkSigningCertUrl } from './signing-cert-url.ts';
import { parseSnsEnvelope, type SnsEnvelope } from './sns-envelope.ts';
import type { VerifiedSnsMessage } from './sns-message.ts';
import { readTopicRegion } from './sns-region.ts';
import { SnsRejectedError } from './sns-rejected-error.ts';
import { readSignatureVersion, verifySnsSignature } from './sns-signature.ts';
import { buildStringToSign } from './string-to-sign.ts';

/** What verifySnsMessage needs besides the body. */
export interface VerifySnsMessageOptions {
  /** Exact TopicArns warroom accepts messages from. */
  allowedTopicArns: readonly string[];
  /** Consulted only for a SigningCertURL that passed checkSigningCertUrl. */
  certificates: CertificateSource;
  /** Decides whether the signing certificate is within its validity period. */
  clock: Clock;
}

/**
 * Verifies an SNS HTTP(S) body (or an SQS body with raw delivery off) as AWS documents: envelope
 * shape, SignatureVersion 1 (RSA-SHA1) or 2 (RSA-SHA256), a pinned SigningCertURL for the signed
 * topic's region, an allowed TopicArn (before any certificate is fetched), a valid certificate issued
 * to the name AWS signs with in that region (any partition, opt-in regions included), and the
 * signature over the documented string to sign. Works on the raw text, never re-serialised. Every
 * refusal is an SnsRejectedError with one fixed `reason`; anything else thrown is a bug.
 * Not checked: Timestamp freshness (SQS may hold a message for days) and MessageId duplicates.
 */
export async function verifySnsMessage(
  rawBody: string,
  options: VerifySnsMessageOptions,
): Promise<VerifiedSnsMessage> {
  const envelope = parseSnsEnvelope(parseJson(rawBody));
  const version = readSignatureVersion(envelope.SignatureVersion);
  // The schema has already checked the ARN; the fallback only keeps the types honest.
  const region = readTopicRegion(envelope.TopicArn) ?? '';
  const urlCheck = checkSigningCertUrl(envelope.SigningCertURL, region);
  if (!urlCheck.ok) throw new SnsRejectedError('bad_cert_url', { detail: urlCheck.reason });
  // Before any certificate is fetched: otherwise anyone could make warroom fetch certificates for
  // topics it never subscribed to. TopicArn is signed, so a rewritten allowed ARN still fails below.
  if (!options.allowedTopicArns.includes(envelope.TopicArn)) {
    throw new SnsRejectedError('topic_not_allowed', { detail: envelope.TopicArn });
  }

  const pem = await getCertificate(options.certificates, envelope.SigningCertURL, urlCheck.fileName);
  const publicKey = checkSigningCertificate(pem, options.clock.now(), urlCheck.certName);
  if (!verifySnsSignature(buildStringToSign(envelope), envelope.Signature, version, publicKey)) {
    throw new SnsRejectedError('bad_signature', { detail: `SignatureVersion ${version}` });
  }
  return toVerifiedMessage(envelope);
}

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch (cause) {
    throw new SnsRejectedError('malformed_json', { cause });
  }
}

async function getCertificate(source: CertificateSource, url: string, fileName: string): Promise<string> {
  try {
    return await source.get(url, fileName);
  } catch (cause) {
    // A custom source may throw anything; the caller should still see one of the fixed reasons.
    if (cause instanceof SnsRejectedError) throw cause;
    throw new SnsRejectedError('cert_unavailable', { cause });
  }
}

function toVerifiedMessage(envelope: SnsEnvelope): VerifiedSnsMessage {
  const common = {
    type: envelope.Type,
    messageId: envelope.MessageId,
    topicArn: envelope.TopicArn,
    message: envelope.Message,
    timestamp: new Date(envelope.Timestamp),
  };
  if (envelope.Type === 'Notification') {
    return envelope.Subject === undefined ? common : { ...common, subject: envelope.Subject };
  }
  return { ...common, token: envelope.Token, subscribeUrl: envelope.SubscribeURL };
}
