import { createHash, type KeyObject, sign, X509Certificate } from 'node:crypto';

// node:crypto reads X.509 but cannot write it, so tests build the DER themselves (RFC 5280).

/** What a test certificate says; it is self-signed with `privateKey`. */
export interface TestCertificateSpec {
  /** Subject (and issuer) CN. */
  commonName: string;
  /** subjectAltName dNSName entries; none means no SAN extension at all. */
  dnsNames: readonly string[];
  notBefore: Date;
  notAfter: Date;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A built certificate: its PEM and the file name SNS would give it (MD5 of the DER, as AWS does). */
export interface TestCertificate {
  pem: string;
  fileName: string;
}

const OID_SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const OID_COMMON_NAME = '2.5.4.3';
const OID_SUBJECT_ALT_NAME = '2.5.29.17';

/** A self-signed RSA X.509 v3 certificate, as SNS serves its signing certificates (leaf only). */
export function buildTestCertificate(spec: TestCertificateSpec): TestCertificate {
  const name = sequence(set(sequence(oid(OID_COMMON_NAME), tlv(0x0c, Buffer.from(spec.commonName)))));
  const algorithm = sequence(oid(OID_SHA256_WITH_RSA), tlv(0x05, Buffer.alloc(0)));
  const extensions =
    spec.dnsNames.length === 0
      ? []
      : [
          tlv(
            0xa3,
            sequence(sequence(oid(OID_SUBJECT_ALT_NAME), tlv(0x04, buildGeneralNames(spec.dnsNames)))),
          ),
        ];
  const tbs = sequence(
    tlv(0xa0, integer(Buffer.from([2]))),
    integer(createHash('sha256').update(spec.commonName).digest().subarray(0, 8)),
    algorithm,
    name,
    sequence(utcTime(spec.notBefore), utcTime(spec.notAfter)),
    name,
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    ...extensions,
  );
  const signature = sign('sha256', tbs, spec.privateKey);
  const der = sequence(tbs, algorithm, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const pem = new X509Certificate(der).toString();
  return { pem, fileName: `SimpleNotificationService-${createHash('md5').update(der).digest('hex')}.pem` };
}

function buildGeneralNames(dnsNames: readonly string[]): Buffer {
  // dNSName is [2] IMPLICIT IA5String.
  return sequence(...dnsNames.map((dnsName) => tlv(0x82, Buffer.from(dnsName, 'ascii'))));
}

function tlv(tag: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(value.length), value]);
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function sequence(...items: Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

function set(...items: Buffer[]): Buffer {
  return tlv(0x31, Buffer.concat(items));
}

// A positive INTEGER: a leading zero byte keeps the top bit from reading as a sign.
function integer(bytes: Buffer): Buffer {
  return tlv(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const base128: number[] = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128))
      base128.unshift(0x80 | (value % 128));
    bytes.push(...base128);
  }
  return tlv(0x06, Buffer.from(bytes));
}

// UTCTime (YYMMDDHHMMSSZ) covers 1950..2049, which is all a test needs.
function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return tlv(0x17, Buffer.from(`${text}Z`, 'ascii'));
}
