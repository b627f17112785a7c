import { createHash, createPrivateKey, type KeyObject, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../src/clock.ts';
import type { SnsSignatureVersion } from '../../src/intake/index.ts';
import { buildSnsEndpointHost, readTopicRegion } from '../../src/intake/index.ts';
import { buildSignedSnsBody } from './build-signed-sns-body.ts';

/** Absolute path of the folder holding the sandbox signing certificate: point SNS_CERT_DIR here. */
export const SANDBOX_SNS_CERT_DIR = dirname(fileURLToPath(import.meta.url));

/** The sandbox certificate's file name; the hex is the MD5 of its DER, as in AWS's own names. */
export const SANDBOX_SNS_CERT_FILE_NAME = 'SimpleNotificationService-67349156dcf78c991a0c89c4b13db7ab.pem';

let sandboxKey: KeyObject | undefined;

// Read lazily so importing this module (e.g. for the constants) touches no files.
function readSandboxKey(): KeyObject {
  sandboxKey ??= createPrivateKey(
    readFileSync(join(SANDBOX_SNS_CERT_DIR, 'sandbox-signing-key.pem'), 'utf8'),
  );
  return sandboxKey;
}

function requireRegion(topicArn: string): string {
  const region = readTopicRegion(topicArn);
  if (region === undefined) throw new Error(`not an SNS topic ARN: ${topicArn}`);
  return region;
}

function buildSandboxCertUrl(region: string): string {
  return `https://${buildSnsEndpointHost(region)}/${SANDBOX_SNS_CERT_FILE_NAME}`;
}

// One stable fake subscription per topic, so repeated sandbox runs show the same UnsubscribeURL.
function buildSubscriptionId(topicArn: string): string {
  const hex = createHash('sha256').update(topicArn).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join(
    '-',
  );
}

/** What goes into a sandbox Notification; the rest is filled in as SNS would. */
export interface SignedNotificationInput {
  topicArn: string;
  message: string;
  subject?: string;
  /** Defaults to a random UUID. */
  messageId?: string;
  /** Defaults to now (system clock). */
  timestamp?: Date;
  /** Defaults to "1", the SNS topic default. */
  signatureVersion?: SnsSignatureVersion;
}

/**
 * A raw Notification body, signed with the published sandbox key, laid out as SNS sends it. Verifies
 * only where SNS_CERT_DIR points at SANDBOX_SNS_CERT_DIR; never in production.
 */
export function buildSignedNotification(input: SignedNotificationInput): string {
  const region = requireRegion(input.topicArn);
  return buildSignedSnsBody(
    {
      Type: 'Notification',
      MessageId: input.messageId ?? randomUUID(),
      TopicArn: input.topicArn,
      Subject: input.subject,
      Message: input.message,
      Timestamp: (input.timestamp ?? systemClock.now()).toISOString(),
    },
    {
      signatureVersion: input.signatureVersion ?? '1',
      privateKey: readSandboxKey(),
      signingCertUrl: buildSandboxCertUrl(region),
      unsubscribeUrl: `https://${buildSnsEndpointHost(region)}/?Action=Unsubscribe&SubscriptionArn=${input.topicArn}:${buildSubscriptionId(input.topicArn)}`,
    },
  );
}

/** What goes into a sandbox SubscriptionConfirmation; Message and SubscribeURL are derived as SNS writes them. */
export interface SignedSubscriptionConfirmationInput {
  topicArn: string;
  token: string;
  /** Defaults to a random UUID. */
  messageId?: string;
  /** Defaults to now (system clock). */
  timestamp?: Date;
}

/** A raw SubscriptionConfirmation body (SignatureVersion "1"), signed with the sandbox key. */
export function buildSignedSubscriptionConfirmation(input: SignedSubscriptionConfirmationInput): string {
  const region = requireRegion(input.topicArn);
  const host = buildSnsEndpointHost(region);
  return buildSignedSnsBody(
    {
      Type: 'SubscriptionConfirmation',
      MessageId: input.messageId ?? randomUUID(),
      Token: input.token,
      TopicArn: input.topicArn,
      Message: `You have chosen to subscribe to the topic ${input.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
      SubscribeURL: `https://${host}/?Action=ConfirmSubscription&TopicArn=${input.topicArn}&Token=${input.token}`,
      Timestamp: (input.timestamp ?? systemClock.now()).toISOString(),
    },
    { signatureVersion: '1', privateKey: readSandboxKey(), signingCertUrl: buildSandboxCertUrl(region) },
  );
}
