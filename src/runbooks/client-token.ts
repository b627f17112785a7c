import { createHash } from 'node:crypto';

/** warroom's own namespace for name-based UUIDs (a random UUID, fixed forever). */
const NAMESPACE = '6f1c2a5e-8d4b-4f7a-9c3e-2b1d0e9a7c55';

/**
 * StartAutomationExecution's ClientToken for one request to run one runbook on one incident: a
 * name-based UUID (version 5, RFC 9562: SHA-1 of namespace and name), so the same request (a double
 * click, a Slack retry, a restart half-way) always carries the same token and SSM starts one
 * execution. SSM requires exactly this 36-character form.
 */
export function runbookClientToken(incidentSeq: number, runbookId: string, requestKey: string): string {
  const name = JSON.stringify([incidentSeq, runbookId, requestKey]);
  const hash = createHash('sha1')
    .update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
