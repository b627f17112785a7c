import { performance } from 'node:perf_hooks';
import type { SignedSlackRequest } from './signed-slack-request.ts';

export interface BurstResult {
  /** Time from sending to the response (the ack) of each request answered 200, in ms. */
  latenciesMs: number[];
  /** Requests not answered 200, by reason (`HTTP 404`, `TimeoutError`, `ECONNRESET`…). */
  failures: Record<string, number>;
}

function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return error.name;
}

/**
 * POSTs every request to `url` at once (all in flight together) and measures each one from the
 * send to the response headers. A request that is refused, not 200, or not answered within
 * `timeoutMs` is counted under its reason, never dropped.
 */
export async function sendTimedBurst(
  url: string,
  requests: SignedSlackRequest[],
  timeoutMs: number,
): Promise<BurstResult> {
  const result: BurstResult = { latenciesMs: [], failures: {} };
  const fail = (reason: string) => {
    result.failures[reason] = (result.failures[reason] ?? 0) + 1;
  };
  await Promise.all(
    requests.map(async ({ body, headers }) => {
      const start = performance.now();
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const elapsed = performance.now() - start;
        await response.arrayBuffer();
        if (response.status === 200) result.latenciesMs.push(elapsed);
        else fail(`HTTP ${response.status}`);
      } catch (error) {
        fail(failureReason(error));
      }
    }),
  );
  return result;
}
