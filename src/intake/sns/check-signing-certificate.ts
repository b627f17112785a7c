import { type KeyObject, X509Certificate } from 'node:crypto';
import { SnsRejectedError } from './sns-rejected-error.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// OpenSSL's notBefore/notAfter text, e.g. `Sep  7 00:00:00 2021 GMT`.
const CERT_DATE = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) GMT$/;

/**
 * Checks that `pem` is an RSA certificate issued to `certName` (exactly; no wildcards), whose
 * validity period covers `now`, and returns its public key. `certName` is the one AWS uses in the
 * Region of the pinned SigningCertURL host (checkSigningCertUrl), so a certificate for another Region
 * or partition fails. The chain is not built: trust comes from that pinned host, as AWS serves the
 * leaf alone. Throws SnsRejectedError `cert_invalid` or `cert_expired`.
 */
export function checkSigningCertificate(pem: string, now: Date, certName: string): KeyObject {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (cause) {
    throw new SnsRejectedError('cert_invalid', { cause, detail: 'not an X.509 certificate' });
  }
  if (!isIssuedTo(cert, certName)) {
    throw new SnsRejectedError('cert_invalid', { detail: `not issued to ${certName}` });
  }
  if (cert.publicKey.asymmetricKeyType !== 'rsa') {
    throw new SnsRejectedError('cert_invalid', { detail: 'public key is not RSA' });
  }
  const notBefore = parseCertDate(cert.validFrom);
  const notAfter = parseCertDate(cert.validTo);
  if (notBefore === undefined || notAfter === undefined) {
    throw new SnsRejectedError('cert_invalid', { detail: 'unreadable validity period' });
  }
  if (now.getTime() < notBefore.getTime() || now.getTime() > notAfter.getTime()) {
    throw new SnsRejectedError('cert_expired', {
      detail: `valid ${notBefore.toISOString()}..${notAfter.toISOString()}, now ${now.toISOString()}`,
    });
  }
  return cert.publicKey;
}

// The SAN is authoritative when present (RFC 6125); the subject CN counts only for a SAN-less cert.
function isIssuedTo(cert: X509Certificate, name: string): boolean {
  if (cert.subjectAltName !== undefined) {
    return cert.subjectAltName.split(', ').includes(`DNS:${name}`);
  }
  return cert.subject.split('\n').includes(`CN=${name}`);
}

// Node 20 has no validFromDate; parse the fixed OpenSSL format rather than trust Date's guessing.
function parseCertDate(text: string): Date | undefined {
  const match = CERT_DATE.exec(text);
  if (match === null) return undefined;
  const [, month, day, hours, minutes, seconds, year] = match;
  const monthIndex = MONTHS.indexOf(month ?? '');
  if (monthIndex < 0) return undefined;
  return new Date(
    Date.UTC(Number(year), monthIndex, Number(day), Number(hours), Number(minutes), Number(seconds)),
  );
}
