/** The credential scope and parts of a SigV4 `Authorization` header. */
export interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  /** Signing name: `ssm-incidents`, `rds`, `monitoring` (CloudWatch), … */
  service: string;
  signedHeaders: string[];
  signature: string;
}

export type SigV4Result =
  | { ok: true; authorization: SigV4Authorization }
  | { ok: false; reason: 'missing' | 'malformed'; detail: string };

const HEADER = /^AWS4-HMAC-SHA256 (.+)$/;
const CREDENTIAL = /^([^/\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request$/;

/**
 * Checks that the header is present and well-formed
 * (`AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/rds/aws4_request, SignedHeaders=…, Signature=…`).
 * The HMAC itself is not verified: the emulator has no secrets to check it against.
 */
export function parseSigV4Authorization(header: string | undefined): SigV4Result {
  if (header === undefined || header.trim() === '') {
    return { ok: false, reason: 'missing', detail: 'Missing Authentication Token' };
  }
  const body = HEADER.exec(header.trim());
  if (!body) return malformed(`Unsupported Authorization header: expected AWS4-HMAC-SHA256`);
  const parts = new Map<string, string>();
  for (const piece of (body[1] ?? '').split(',')) {
    const [key, ...rest] = piece.trim().split('=');
    if (key) parts.set(key, rest.join('='));
  }
  for (const required of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!parts.get(required)) {
      return malformed(
        `Authorization header requires '${required}' parameter. Authorization=${header.split(' ')[0]}`,
      );
    }
  }
  const credential = CREDENTIAL.exec(parts.get('Credential') ?? '');
  if (!credential) {
    return malformed('Credential should be scoped to a valid region, service and aws4_request terminator.');
  }
  const signature = parts.get('Signature') ?? '';
  if (!/^[0-9a-f]{64}$/.test(signature)) return malformed('Signature must be 64 lower-case hex characters.');
  return {
    ok: true,
    authorization: {
      accessKeyId: credential[1] ?? '',
      date: credential[2] ?? '',
      region: credential[3] ?? '',
      service: credential[4] ?? '',
      signedHeaders: (parts.get('SignedHeaders') ?? '').split(';'),
      signature,
    },
  };
}

function malformed(detail: string): SigV4Result {
  return { ok: false, reason: 'malformed', detail };
}
