import type { ServerResponse } from 'node:http';
import type { RecordedCall } from './types.ts';

/**
 * What happens to the answer of a call Slack carried out (the message is posted):
 * - `internal_error`: HTTP 200 `{"ok":false,"error":"internal_error"}`, which Slack documents as
 *   "it's possible some aspect of the operation succeeded before the error was raised";
 * - `http-500`: an HTTP 500 with no JSON body, as a failing load balancer answers;
 * - `reset`: the connection is dropped with no answer at all.
 */
export type AnswerFault = 'internal_error' | 'http-500' | 'reset';

/** Faults planned per method, used up one per call that succeeded (a refused call keeps its error). */
export class AnswerFaults {
  private readonly planned = new Map<string, AnswerFault[]>();

  plan(method: string, fault: AnswerFault, times: number): void {
    const queue = this.planned.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.planned.set(method, queue);
  }

  /** The fault for this answered call, if one is planned and the call worked; marks the call. */
  take(call: RecordedCall): AnswerFault | undefined {
    if (!call.ok) return undefined;
    const fault = this.planned.get(call.method)?.shift();
    if (fault) call.fault = fault;
    return fault;
  }

  clear(): void {
    this.planned.clear();
  }
}

/** Sends the lost answer instead of the real one. */
export function sendFault(response: ServerResponse, fault: AnswerFault): void {
  if (fault === 'reset') {
    response.socket?.resetAndDestroy();
    return;
  }
  if (fault === 'http-500') {
    response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    return;
  }
  response
    .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify({ ok: false, error: 'internal_error' }));
}
