import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../src/clock.ts';
import type { EmulatorState } from './emulator-state.ts';
import type { Operation } from './model/service-model.ts';
import type { WireRequest, WireResponse } from './protocols/protocol.ts';
import { guessService, unknownService, withoutServicePrefix } from './route-request.ts';
import type { ServiceDefinition } from './service-definition.ts';
import { AwsServiceError, modelledError } from './service-error.ts';
import { parseSigV4Authorization } from './sigv4-authorization.ts';
import { validateShape } from './validation/validate-shape.ts';
import { formatValidationMessage } from './validation/validation-issue.ts';

export interface RecordedRequest {
  service: string;
  operation: string;
  input: unknown;
  /** The access key that signed it (empty without a readable signature): whose credentials were used. */
  accessKeyId: string;
  /** The account it acted in: the home account, or the role's for a key AssumeRole issued. */
  accountId: string;
  /** The Region it was signed for (its credential scope; empty without a readable signature). */
  region: string;
  /** The error code answered, if any (shape name, e.g. `ValidationException`). */
  error?: string;
  /** A planned fault that replaced the answer of a request that was carried out. */
  fault?: AnswerFault;
  at: Date;
}

export interface PlannedFailure {
  code: string;
  message?: string;
  status?: number;
}

/**
 * What happens to the answer of a request that was carried out (its effect happened): `reset`
 * closes the connection without an answer, `internal-error` answers HTTP 500 (the service's
 * InternalServerError where its model has one). The caller cannot tell whether the call worked.
 */
export type AnswerFault = 'reset' | 'internal-error';

/** An answer, or (for the `reset` fault) the instruction to drop the connection instead. */
export type EmulatorAnswer = WireResponse | { resetConnection: true };

/** The emulator's mutable run-time: services, state, and the test controls (delays, failures, log). */
export interface EmulatorRuntime {
  services: ServiceDefinition[];
  /** The home Region's state: every service that is not regional here, and the regional ones there. */
  state: EmulatorState;
  /** The state of RDS, SSM and CloudWatch in a Region (the home one is `state`). */
  inRegion: (region: string) => EmulatorState;
  clock: Clock;
  accountId: string;
  requests: RecordedRequest[];
  delays: Map<string, number>;
  failures: Map<string, PlannedFailure[]>;
  /** Faults planned per operation key, used up one per call that succeeds. */
  faults: Map<string, AnswerFault[]>;
}

export const operationKey = (service: string, operation: string) => `${service}:${operation}`;

/**
 * Signing names of the services whose data lives in one Region: a call signed for another Region
 * sees that Region's databases, executions and metrics, never the home Region's.
 */
const REGIONAL = new Set(['rds', 'ssm', 'monitoring']);

/**
 * One request through the pipeline: authenticate (SigV4 header shape) → route by the credential
 * scope's signing name → decode with the service's protocol → validate against the model (and the
 * hand-written rules) → planned delay / failure → handler → validate the output → encode.
 */
export async function handleAwsRequest(
  runtime: EmulatorRuntime,
  request: WireRequest,
): Promise<EmulatorAnswer> {
  const requestId = randomUUID();
  const auth = parseSigV4Authorization(request.headers.authorization);
  const service = auth.ok
    ? runtime.services.find((candidate) => candidate.signingName === auth.authorization.service)
    : guessService(runtime.services, request);
  if (!service) return unknownService(requestId, auth.ok ? auth.authorization.service : '');
  const entry: RecordedRequest = {
    service: service.name,
    operation: '',
    input: undefined,
    accessKeyId: auth.ok ? auth.authorization.accessKeyId : '',
    accountId: runtime.accountId,
    region: auth.ok ? auth.authorization.region : '',
    at: runtime.clock.now(),
  };
  runtime.requests.push(entry);
  try {
    if (!auth.ok) throw service.protocol.authenticationError(auth.reason, auth.detail);
    const key = runtime.state.sts.checkAccessKey(
      auth.authorization.accessKeyId,
      request.headers['x-amz-security-token'],
    );
    if (!key.ok) throw service.protocol.authenticationError(key.reason, '');
    entry.accountId = key.accountId;
    const parsed = service.protocol.parseRequest(withoutServicePrefix(request, service.name));
    entry.operation = parsed.operation.name;
    entry.input = parsed.input;
    const output = await runOperation(runtime, service, parsed.operation, parsed.input, {
      accountId: key.accountId,
      region: auth.authorization.region,
      requestId,
      decodeIssues: parsed.decodeIssues ?? [],
    });
    // Only a call that worked loses its answer: a refused one still answers its real error.
    const fault = runtime.faults.get(operationKey(service.name, parsed.operation.name))?.shift();
    if (fault) {
      entry.fault = fault;
      if (fault === 'reset') return { resetConnection: true };
      throw modelledError(
        service.model,
        'InternalServerError',
        'Simulated internal error after the work was done',
        {
          fallbackStatus: 500,
          status: 500,
        },
      );
    }
    return service.protocol.serializeOutput(parsed.operation, output, requestId);
  } catch (error) {
    const serviceError =
      error instanceof AwsServiceError
        ? error
        : new AwsServiceError(
            'InternalFailure',
            `Emulator failure: ${error instanceof Error ? error.message : String(error)}`,
            {
              status: 500,
            },
          );
    entry.error = serviceError.code;
    return service.protocol.serializeError(serviceError, requestId);
  }
}

async function runOperation(
  runtime: EmulatorRuntime,
  service: ServiceDefinition,
  operation: Operation,
  input: Record<string, unknown>,
  request: {
    accountId: string;
    region: string;
    requestId: string;
    decodeIssues: ReturnType<typeof validateShape>;
  },
): Promise<unknown> {
  const issues = [
    ...request.decodeIssues,
    ...(operation.input ? validateShape(service.model, operation.input.shape, input) : []),
    ...(service.extraValidation?.(operation.name, input) ?? []),
  ];
  if (issues.length > 0) throw service.protocol.validationError(issues);
  const key = operationKey(service.name, operation.name);
  const delay = runtime.delays.get(key) ?? 0;
  if (delay > 0) await sleep(delay);
  const failure = runtime.failures.get(key)?.shift();
  if (failure) {
    const message = failure.message ?? `Simulated ${failure.code} from the warroom AWS emulator`;
    throw modelledError(service.model, failure.code, message, { status: failure.status });
  }
  const handler = service.handlers[operation.name];
  if (!handler) {
    const message = `${operation.name} is not implemented by the warroom AWS emulator`;
    throw new AwsServiceError('NotImplemented', message, { status: 501 });
  }
  const { decodeIssues: _, ...scope } = request;
  const state = REGIONAL.has(service.signingName) ? runtime.inRegion(request.region) : runtime.state;
  const context = { clock: runtime.clock, state, ...scope };
  const output = (await handler(input, context)) ?? {};
  // The emulator's own answers must satisfy the model too: a seed or handler bug fails loudly here.
  const outputIssues = operation.output
    ? validateShape(service.model, operation.output.shape, output, { patterns: false })
    : [];
  if (outputIssues.length > 0) {
    const message = `Emulator produced an invalid ${operation.name} output: ${formatValidationMessage(outputIssues)}`;
    throw new AwsServiceError('InternalFailure', message, { status: 500 });
  }
  return output;
}
