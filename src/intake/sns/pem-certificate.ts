/** Largest certificate body warroom accepts; AWS's SNS certificates are about 2 KiB. */
export const MAX_PEM_BYTES = 16 * 1024;

const SINGLE_PEM_CERTIFICATE =
  /^-----BEGIN CERTIFICATE-----\r?\n(?:[A-Za-z0-9+/=]{1,76}\r?\n)+-----END CERTIFICATE-----\r?\n?$/;

/**
 * True when `text` is exactly one PEM `CERTIFICATE` block (optionally followed by one newline) and at
 * most MAX_PEM_BYTES long: no chain, no key, no text before or after. Refuses the "SNS API response
 * that wraps an attacker's certificate" trick, where a PEM hides inside XML or HTML.
 */
export function isSinglePemCertificate(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') <= MAX_PEM_BYTES && SINGLE_PEM_CERTIFICATE.test(text);
}
