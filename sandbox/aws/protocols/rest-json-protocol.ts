import type { Operation, ServiceModel, Shape } from '../model/service-model.ts';
import { shapeOf } from '../model/service-model.ts';
import { AwsServiceError, modelledError } from '../service-error.ts';
import { formatValidationMessage } from '../validation/validation-issue.ts';
import { authenticationError } from './authentication-errors.ts';
import { decodeJson, encodeJson, parseJsonBody } from './json-codec.ts';
import type { ParsedRequest, Protocol, WireRequest, WireResponse } from './protocol.ts';

/**
 * restJson1 (Incident Manager): each operation has its own method and path from the model's
 * `http` trait; members bind to the query string, the path (`{label}`), headers, or the JSON body.
 * Success uses the model's `responseCode`; errors put the shape name in `x-amzn-errortype`.
 */
export function createRestJsonProtocol(model: ServiceModel): Protocol {
  const routes = Object.values(model.operations).map((operation) => ({
    operation,
    ...compileRoute(operation),
  }));

  function parseRequest(request: WireRequest): ParsedRequest {
    for (const route of routes) {
      if (route.method !== request.method) continue;
      const match = route.path.exec(request.path);
      if (!match) continue;
      return { operation: route.operation, input: decodeInput(route.operation, request, match.groups ?? {}) };
    }
    throw new AwsServiceError(
      'UnknownOperationException',
      `No operation matches ${request.method} ${request.path}`,
      {
        status: 404,
      },
    );
  }

  function decodeInput(operation: Operation, request: WireRequest, labels: Record<string, string>) {
    if (!operation.input) return {};
    const shape = shapeOf(model, operation.input.shape);
    const bodyMembers = Object.entries(shape.members ?? {}).filter(([, ref]) => !ref.location);
    const fromBody = bodyMembers.length > 0 ? parseJsonBody(request.body) : {};
    // Members bound to the URI, query string or headers are never read from the body.
    const bodyShape = { ...shape, members: Object.fromEntries(bodyMembers) };
    const decoded = (decodeJson(model, bodyShape, fromBody, '') ?? {}) as Record<string, unknown>;
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const wireName = ref.locationName ?? name;
      const target = shapeOf(model, ref.shape);
      if (ref.location === 'querystring') {
        const values = request.query.getAll(wireName);
        if (values.length > 0) decoded[name] = decodeText(target, values, name);
      } else if (ref.location === 'uri') {
        const raw = labels[labelKey(wireName)];
        if (raw !== undefined) decoded[name] = decodeText(target, [decodeURIComponent(raw)], name);
      } else if (ref.location === 'header') {
        const raw = request.headers[wireName.toLowerCase()];
        if (raw !== undefined) decoded[name] = decodeText(target, [raw], name);
      }
    }
    return decoded;
  }

  function decodeText(shape: Shape, values: string[], name: string): unknown {
    if (shape.type === 'list') {
      const member = shapeOf(model, shape.member?.shape ?? '');
      return values.map((value) => decodeText(member, [value], name));
    }
    const text = values[0] ?? '';
    if (shape.type === 'string') return text;
    if (shape.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
    if (shape.type === 'timestamp' && !Number.isNaN(Date.parse(text))) return new Date(text);
    if ((shape.type === 'integer' || shape.type === 'long') && /^-?\d+$/.test(text)) return Number(text);
    if (
      (shape.type === 'float' || shape.type === 'double') &&
      text.trim() !== '' &&
      !Number.isNaN(Number(text))
    ) {
      return Number(text);
    }
    throw new AwsServiceError('SerializationException', `Cannot read '${name}' as ${shape.type}`, {
      status: 400,
    });
  }

  function serializeOutput(operation: Operation, output: unknown, requestId: string): WireResponse {
    const status = operation.http.responseCode ?? 200;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-amzn-requestid': requestId,
    };
    if (!operation.output || status === 204) return { status, headers, body: '' };
    const body = encodeJson(model, shapeOf(model, operation.output.shape), output ?? {});
    return { status, headers, body: JSON.stringify(body ?? {}) };
  }

  function serializeError(error: AwsServiceError, requestId: string): WireResponse {
    return {
      status: error.status,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': error.code,
      },
      body: JSON.stringify({ [error.messageMember]: error.message, ...error.fields }),
    };
  }

  return {
    parseRequest,
    serializeOutput,
    serializeError,
    validationError: (issues) => modelledError(model, 'ValidationException', formatValidationMessage(issues)),
    authenticationError: (reason, detail) => authenticationError('json', reason, detail),
  };
}

/** Named groups must be identifiers, so labels are mapped to a safe key. */
function labelKey(label: string): string {
  return `l_${label.replace(/\W/g, '_')}`;
}

/** `/tags/{resourceArn}` → a RegExp with a named group per label; `{key+}` labels span slashes. */
function compileRoute(operation: Operation): { method: string; path: RegExp } {
  const [pathPart = '/'] = operation.http.requestUri.split('?');
  const pattern = pathPart
    .split(/(\{[^}]+\})/)
    .map((piece) => {
      const label = /^\{([^}+]+)(\+)?\}$/.exec(piece);
      if (!label) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return `(?<${labelKey(label[1] ?? '')}>${label[2] ? '.+' : '[^/]+'})`;
    })
    .join('');
  return { method: operation.http.method, path: new RegExp(`^${pattern}/?$`) };
}
