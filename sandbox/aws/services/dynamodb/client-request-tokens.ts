import { createHash } from 'node:crypto';
import { modelledError } from '../../service-error.ts';
import type { DynamoDbEngine } from './dynamodb-engine.ts';

type Data = Record<string, unknown>;

/** How long AWS remembers a TransactWriteItems ClientRequestToken. */
const TOKEN_WINDOW_MS = 10 * 60_000;

function fingerprint(raw: Data): string {
  const { ClientRequestToken: _, ...rest } = raw;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/** A repeated token with the same request is answered again without writing; another request is refused. */
export function answeredBefore(engine: DynamoDbEngine, token: string, raw: Data, now: number): boolean {
  const earlier = engine.transactionTokens.get(token);
  if (!earlier || now - earlier.at > TOKEN_WINDOW_MS) return false;
  if (earlier.fingerprint === fingerprint(raw)) return true;
  throw modelledError(
    engine.model,
    'IdempotentParameterMismatchException',
    'The request reuses a ClientRequestToken of an earlier, different TransactWriteItems request.',
  );
}

export function rememberToken(engine: DynamoDbEngine, token: string, raw: Data, now: number): void {
  engine.transactionTokens.set(token, { fingerprint: fingerprint(raw), at: now });
}
