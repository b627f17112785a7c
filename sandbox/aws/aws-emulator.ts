import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../../src/clock.ts';
import { EmulatorState } from './emulator-state.ts';
import {
  type AnswerFault,
  type EmulatorRuntime,
  handleAwsRequest,
  operationKey,
  type PlannedFailure,
  type RecordedRequest,
} from './handle-request.ts';
import type { WireRequest } from './protocols/protocol.ts';
import { createServiceDefinitions } from './service-registry.ts';

export { EmulatorState } from './emulator-state.ts';
export type { AnswerFault, RecordedRequest } from './handle-request.ts';

export interface AwsEmulatorOptions {
  clock?: Clock;
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Default 123456789012. */
  accountId?: string;
  /**
   * The home Region (`state`); default us-east-1. Requests may be signed for any Region: RDS, SSM
   * and CloudWatch then answer from that Region's own state (`inRegion`), empty until seeded.
   */
  region?: string;
}

export interface AwsEmulator {
  /** `http://127.0.0.1:PORT`, one endpoint for every service. */
  url: string;
  /** `AWS_ENDPOINT_URL_<SERVICE>` for each emulated service, all pointing at `url`. */
  endpointEnv(): Record<string, string>;
  state: EmulatorState;
  /** RDS, SSM and CloudWatch of another Region, to seed or inspect (the home Region's is `state`). */
  inRegion(region: string): EmulatorState;
  /** Every request received, in order, with its decoded input and the error code answered. */
  requests: RecordedRequest[];
  requestsTo(service: string, operation?: string): RecordedRequest[];
  /** Answers this operation `ms` later from now on (0 clears), to prove callers do not wait on AWS. */
  delay(service: string, operation: string, ms: number): void;
  /**
   * The next call (or `times` calls) to the operation fails with this error after passing
   * validation. `code` is a shape name or query code from the model (status and query code are
   * taken from it), or any other code with `status` (default 400).
   */
  failNext(service: string, operation: string, error: PlannedFailure & { times?: number }): void;
  /**
   * The next call (or `times` calls) to the operation that succeeds is carried out, then loses its
   * answer: `reset` drops the connection, `internal-error` answers HTTP 500. A call the service
   * refuses answers its real error and does not use the fault up. Off unless planned.
   */
  loseAnswer(service: string, operation: string, fault: AnswerFault, times?: number): void;
  close(): Promise<void>;
}

/**
 * A local AWS the real SDK v3 clients talk to over loopback (via `endpoint` or
 * `AWS_ENDPOINT_URL_<SERVICE>`). Requests are routed by the SigV4 credential scope's signing name;
 * a `/<service>` path prefix on the endpoint is tolerated. Every request is validated against the
 * vendored AWS models and rejected the way AWS would reject it.
 */
export async function startAwsEmulator(options: AwsEmulatorOptions = {}): Promise<AwsEmulator> {
  const clock = options.clock ?? systemClock;
  const accountId = options.accountId ?? '123456789012';
  const region = options.region ?? 'us-east-1';
  const home = new EmulatorState({ accountId, region, clock });
  const regions = new Map<string, EmulatorState>([[region, home]]);
  const inRegion = (name: string) => {
    const existing = regions.get(name);
    if (existing) return existing;
    const created = new EmulatorState({ accountId, region: name, clock });
    regions.set(name, created);
    return created;
  };
  const runtime: EmulatorRuntime = {
    services: createServiceDefinitions(),
    state: home,
    inRegion,
    clock,
    accountId,
    requests: [],
    delays: new Map(),
    failures: new Map(),
    faults: new Map(),
  };
  const server = createServer((req, res) => {
    serve(runtime, req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(error instanceof Error ? error.message : String(error));
    });
  });
  // Idle sockets outlive any client's idle timeout (undici keeps 4 s), as behind Slack's and AWS's load
  // balancers: a client never sends on a socket the server is closing ("fetch failed" under load).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url,
    endpointEnv: () =>
      Object.fromEntries(
        runtime.services.map((service) => [`AWS_ENDPOINT_URL_${service.endpointEnvSuffix}`, url]),
      ),
    state: runtime.state,
    inRegion,
    requests: runtime.requests,
    requestsTo: (service, operation) =>
      runtime.requests.filter(
        (entry) => entry.service === service && (operation === undefined || entry.operation === operation),
      ),
    delay: (service, operation, ms) => {
      runtime.delays.set(operationKey(service, operation), ms);
    },
    failNext: (service, operation, { times = 1, ...failure }) => {
      const key = operationKey(service, operation);
      const planned = runtime.failures.get(key) ?? [];
      for (let i = 0; i < times; i++) planned.push(failure);
      runtime.failures.set(key, planned);
    },
    loseAnswer: (service, operation, fault, times = 1) => {
      const key = operationKey(service, operation);
      const planned = runtime.faults.get(key) ?? [];
      for (let i = 0; i < times; i++) planned.push(fault);
      runtime.faults.set(key, planned);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Waiting long polls answer at once rather than holding the close for up to 20 s.
        runtime.state.sqs.close();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function serve(runtime: EmulatorRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const request: WireRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: Buffer.concat(chunks),
  };
  const response = await handleAwsRequest(runtime, request);
  if ('resetConnection' in response) {
    // The work is done; the client sees the connection close with no answer (ECONNRESET).
    req.socket.resetAndDestroy();
    return;
  }
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}
