import { describe, expect, it } from 'vitest';
import { parseSigV4Authorization } from '../../../sandbox/aws/sigv4-authorization.ts';
import { fakeAuthorization } from './wire-request.ts';

describe('parseSigV4Authorization', () => {
  it('reads the credential scope of a well-formed header', () => {
    const result = parseSigV4Authorization(fakeAuthorization('monitoring', 'eu-west-1'));
    expect(result).toEqual({
      ok: true,
      authorization: expect.objectContaining({
        accessKeyId: 'AKIDTEST',
        date: '20261122',
        region: 'eu-west-1',
        service: 'monitoring',
      }),
    });
  });

  it('calls an absent header missing', () => {
    expect(parseSigV4Authorization(undefined)).toMatchObject({ ok: false, reason: 'missing' });
    expect(parseSigV4Authorization('  ')).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('calls a header without its parts, or with a bad scope, malformed', () => {
    const cases = [
      'Bearer abc',
      'AWS4-HMAC-SHA256 SignedHeaders=host, Signature=' + 'a'.repeat(64),
      'AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/rds/aws4_request, Signature=' + 'a'.repeat(64),
      'AWS4-HMAC-SHA256 Credential=AKID/2026/us-east-1/rds/aws4_request, SignedHeaders=host, Signature=' +
        'a'.repeat(64),
      'AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/rds/aws4_request, SignedHeaders=host, Signature=xyz',
    ];
    for (const header of cases)
      expect(parseSigV4Authorization(header)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
