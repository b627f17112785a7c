import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/fixtures/sns-genuine: the genuine AWS messages and certificates, plus two test-only certs. */
export const GENUINE_DIR = fileURLToPath(new URL('../../fixtures/sns-genuine/', import.meta.url));

/** The otto fixture's SigningCertURL was rewritten to GitHub; this is the AWS URL it stands for. */
export const OTTO_FILE = 'otto-subscription-confirmation-sigv1.json';
export const OTTO_AWS_CERT_URL =
  'https://sns.eu-central-1.amazonaws.com/SimpleNotificationService-60eadc530605d63b8e62a523676ef735.pem';

export interface GenuineManifestEntry {
  file: string;
  Type: string;
  SignatureVersion: string;
  subject: boolean;
  cert: string;
}

/** The manifest's list of genuine messages. */
export function readGenuineManifest(): GenuineManifestEntry[] {
  const manifest = JSON.parse(readFileSync(join(GENUINE_DIR, 'manifest.json'), 'utf8')) as {
    messages: GenuineManifestEntry[];
  };
  return manifest.messages;
}

/** The raw bytes of a genuine message file, as text. */
export function readGenuineBody(file: string): string {
  return readFileSync(join(GENUINE_DIR, file), 'utf8');
}

/** A genuine message's decoded fields. */
export function readGenuineFields(file: string): Record<string, unknown> {
  return JSON.parse(readGenuineBody(file)) as Record<string, unknown>;
}

/** Reads a string field of a genuine message, failing loudly if the fixture lacks it. */
export function readGenuineString(file: string, key: string): string {
  const value = readGenuineFields(file)[key];
  if (typeof value !== 'string') throw new Error(`${file} has no string ${key}`);
  return value;
}

/** The otto body with its SigningCertURL swapped back to AWS's (that URL is not signed). */
export function readOttoWithAwsCertUrl(): string {
  const body = readGenuineBody(OTTO_FILE);
  return body.replace(readGenuineString(OTTO_FILE, 'SigningCertURL'), OTTO_AWS_CERT_URL);
}

/** The genuine messages the forged variants start from. */
export const BASE = {
  /** SigV1 Notification with Subject, us-east-2, certificate 7ff5…. */
  v1Subject: 'php2022-notification-sigv1-subject.json',
  v1NoSubject: 'php2022-notification-sigv1-nosubject.json',
  v2NoSubject: 'php2022-notification-sigv2-nosubject.json',
  v2Subject: 'php2022-notification-sigv2-subject.json',
  /** Its Message ends with a newline. */
  sesComplaint: 'djangoses-notification-ses-complaint-sigv1-subject.json',
  confirmationV1: 'raku-subscription-confirmation-sigv1.json',
  confirmationV2: 'unattributed-subscription-confirmation-sigv2.json',
  /** Its topic (`testing1`) is left out of the variants' allow-list. */
  otherTopic: 'php2017-notification-sigv1-subject.json',
} as const;
