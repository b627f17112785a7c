import { type Operation, type ServiceModel, shapeOf } from '../model/service-model.ts';
import { AwsServiceError } from '../service-error.ts';
import { authenticationError } from './authentication-errors.ts';
import type { ParsedRequest, Protocol, WireRequest, WireResponse } from './protocol.ts';
import { decodeQueryInput } from './query-deserializer.ts';
import type { QueryValidationErrors } from './query-validation-errors.ts';
import { encodeXmlMembers, escapeXml } from './xml-serializer.ts';

/**
 * awsQuery (RDS, SNS): form-encoded `Action=…&Version=…&<flattened input>` in, XML out:
 * `<OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata><RequestId/></ResponseMetadata></OpResponse>`.
 * Errors are `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
 * with the shape's `error.code` (not its name) as Code.
 */
export function createAwsQueryProtocol(
  model: ServiceModel,
  validationErrors: QueryValidationErrors,
): Protocol {
  const namespace = model.metadata.xmlNamespace ?? '';
  const headers = (requestId: string) => ({ 'content-type': 'text/xml', 'x-amzn-requestid': requestId });

  function parseRequest(request: WireRequest): ParsedRequest {
    // The SDK POSTs a form body; AWS also takes the same parameters in a GET query string.
    const params = new URLSearchParams(request.query);
    for (const [key, value] of new URLSearchParams(request.body.toString('utf8'))) params.append(key, value);
    const action = params.get('Action') ?? '';
    const version = params.get('Version');
    const operation = model.operations[action];
    if (!operation) {
      throw new AwsServiceError(
        'InvalidAction',
        `Could not find operation ${action || '(no Action)'} for version ${version}`,
        {
          status: 400,
        },
      );
    }
    if (version !== model.metadata.apiVersion) {
      throw new AwsServiceError('InvalidParameterValue', `Unsupported API version ${version}`, {
        status: 400,
      });
    }
    if (!operation.input) return { operation, input: {} };
    const { input, issues } = decodeQueryInput(model, operation.input.shape, params);
    return { operation, input, decodeIssues: issues };
  }

  function serializeOutput(operation: Operation, output: unknown, requestId: string): WireResponse {
    const wrapper = operation.output?.resultWrapper;
    const result =
      operation.output && wrapper
        ? `<${wrapper}>${encodeXmlMembers(model, shapeOf(model, operation.output.shape), output)}</${wrapper}>`
        : '';
    const name = `${operation.name}Response`;
    const body =
      `<${name} xmlns="${namespace}">${result}` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${name}>`;
    return { status: 200, headers: headers(requestId), body };
  }

  function serializeError(error: AwsServiceError, requestId: string): WireResponse {
    const body =
      `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.faultType}</Type>` +
      `<Code>${escapeXml(error.queryCode)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { status: error.status, headers: headers(requestId), body };
  }

  return {
    parseRequest,
    serializeOutput,
    serializeError,
    validationError: (issues) => validationErrors(model, issues),
    authenticationError: (reason, detail) => authenticationError('query', reason, detail),
  };
}
