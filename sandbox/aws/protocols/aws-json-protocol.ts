import { type ServiceModel, shapeOf } from '../model/service-model.ts';
import { AwsServiceError, modelledError } from '../service-error.ts';
import { formatValidationMessage, type ValidationIssue } from '../validation/validation-issue.ts';
import { authenticationError } from './authentication-errors.ts';
import { decodeJson, encodeJson, parseJsonBody } from './json-codec.ts';
import type { ParsedRequest, Protocol, WireRequest, WireResponse } from './protocol.ts';

/**
 * awsJson 1.0 / 1.1 (SSM, SSM Contacts, SQS, CloudWatch): `POST /` with `X-Amz-Target:
 * <targetPrefix>.<Operation>`, a JSON body, and errors as `{"__type": "<Shape>", "message": …}`.
 * For awsQueryCompatible services (SQS, CloudWatch) errors also carry
 * `x-amzn-query-error: <query code>;Sender`, from which the SDK fills `e.Code`.
 */
export function createAwsJsonProtocol(model: ServiceModel): Protocol {
  const { targetPrefix, jsonVersion } = model.metadata;
  const contentType = `application/x-amz-json-${jsonVersion ?? '1.0'}`;
  const queryCompatible = model.metadata.awsQueryCompatible !== undefined;

  function parseRequest(request: WireRequest): ParsedRequest {
    const target = request.headers['x-amz-target'] ?? '';
    const [prefix, name] = target.split('.', 2);
    const operation = prefix === targetPrefix && name ? model.operations[name] : undefined;
    if (request.method !== 'POST' || !operation) {
      throw new AwsServiceError(
        'UnknownOperationException',
        `Unknown operation ${target || '(no X-Amz-Target)'}`,
        {
          status: 400,
        },
      );
    }
    const body = parseJsonBody(request.body);
    const input = operation.input ? decodeJson(model, shapeOf(model, operation.input.shape), body, '') : {};
    return { operation, input: (input ?? {}) as Record<string, unknown> };
  }

  function serializeOutput(
    operation: ParsedRequest['operation'],
    output: unknown,
    requestId: string,
  ): WireResponse {
    const body = operation.output
      ? encodeJson(model, shapeOf(model, operation.output.shape), output ?? {})
      : {};
    return { status: 200, headers: jsonHeaders(requestId), body: JSON.stringify(body ?? {}) };
  }

  function serializeError(error: AwsServiceError, requestId: string): WireResponse {
    const headers = jsonHeaders(requestId);
    if (queryCompatible) headers['x-amzn-query-error'] = `${error.queryCode};${error.faultType}`;
    const body = { __type: error.code, [error.messageMember]: error.message, ...error.fields };
    return { status: error.status, headers, body: JSON.stringify(body) };
  }

  function jsonHeaders(requestId: string): Record<string, string> {
    return { 'content-type': contentType, 'x-amzn-requestid': requestId };
  }

  return {
    parseRequest,
    serializeOutput,
    serializeError,
    // SSM has a ValidationException shape but lists it on almost no operation; the real service
    // answers it for every constraint violation anyway (400, __type ValidationException).
    validationError: (issues: ValidationIssue[]) =>
      modelledError(model, 'ValidationException', formatValidationMessage(issues)),
    authenticationError: (reason, detail) => authenticationError('json', reason, detail),
  };
}
