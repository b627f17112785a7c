import type { Clock } from '../../src/clock.ts';
import type { EmulatorState } from './emulator-state.ts';
import type { ModelName, ServiceModel } from './model/service-model.ts';
import type { Protocol } from './protocols/protocol.ts';
import type { ValidationIssue } from './validation/validation-issue.ts';

export type ServiceName = ModelName;

/** What a handler may use besides its input. */
export interface HandlerContext {
  clock: Clock;
  accountId: string;
  /** The region the request was signed for (its credential scope). */
  region: string;
  requestId: string;
  state: EmulatorState;
}

/**
 * Serves one operation. The input has already passed model validation, so handlers may treat it as
 * the SDK's input type; they return the output structure (Dates for timestamps) or throw an
 * AwsServiceError (see modelledError).
 */
export type OperationHandler = (input: Record<string, unknown>, context: HandlerContext) => unknown;

/** One emulated service: its model, wire protocol and the operations served so far. */
export interface ServiceDefinition {
  name: ServiceName;
  /** SigV4 signing name, used to route requests (CloudWatch signs as `monitoring`). */
  signingName: string;
  /** Suffix of `AWS_ENDPOINT_URL_<SUFFIX>`. */
  endpointEnvSuffix: string;
  model: ServiceModel;
  protocol: Protocol;
  handlers: Record<string, OperationHandler>;
  /** Hand-written constraints the model lacks (RDS identifier rules). */
  extraValidation?: (operation: string, input: Record<string, unknown>) => ValidationIssue[];
}

/**
 * Views a handler's input as the SDK's input type. Sound because the pipeline validated it against
 * the same AWS model the SDK types are generated from, before calling the handler.
 */
export function validatedInput<T>(input: Record<string, unknown>): T {
  return input as unknown as T;
}
