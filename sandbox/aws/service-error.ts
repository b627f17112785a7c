import type { ServiceModel } from './model/service-model.ts';

export interface ServiceErrorOptions {
  /** HTTP status the service answers with. */
  status: number;
  /** awsQuery wire code (`DBInstanceNotFound`) when it differs from the shape name. */
  queryCode?: string;
  /** Member the message travels in: most shapes say `message`, SSM's say `Message`. */
  messageMember?: string;
  /** Extra modelled members, e.g. ssm-incidents `resourceType`. */
  fields?: Record<string, unknown>;
}

/**
 * An error the emulator answers with, independent of protocol: each protocol module renders it in
 * its own wire format (JSON `__type`, `x-amzn-errortype`, or query XML `<Code>`).
 */
export class AwsServiceError extends Error {
  readonly code: string;
  readonly status: number;
  readonly queryCode: string;
  readonly messageMember: string;
  readonly fields: Record<string, unknown>;

  constructor(code: string, message: string, options: ServiceErrorOptions) {
    super(message);
    this.name = 'AwsServiceError';
    this.code = code;
    this.status = options.status;
    this.queryCode = options.queryCode ?? code;
    this.messageMember = options.messageMember ?? 'message';
    this.fields = options.fields ?? {};
  }

  /** "Sender" for client faults, "Receiver" for server faults (query `<Type>` and query-compat header). */
  get faultType(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

/**
 * The error a model defines, with its status and query code taken from the shape. `code` may be the
 * shape name or the query code (`DBInstanceNotFound`); unknown codes become unmodelled errors with
 * `fallbackStatus`, so `failNext` can also simulate errors the model does not list; `status`
 * overrides whatever the model says.
 */
export function modelledError(
  model: ServiceModel,
  code: string,
  message: string,
  options: { fields?: Record<string, unknown>; fallbackStatus?: number; status?: number } = {},
): AwsServiceError {
  const entry =
    Object.entries(model.shapes).find(([name, shape]) => shape.exception && name === code) ??
    Object.entries(model.shapes).find(([, shape]) => shape.exception && shape.error?.code === code);
  if (!entry) {
    return new AwsServiceError(code, message, {
      status: options.status ?? options.fallbackStatus ?? 400,
      fields: options.fields,
    });
  }
  const [shapeName, shape] = entry;
  const members = Object.keys(shape.members ?? {});
  const messageMember = members.includes('message') || !members.includes('Message') ? 'message' : 'Message';
  return new AwsServiceError(shapeName, message, {
    status: options.status ?? shape.error?.httpStatusCode ?? (shape.fault ? 500 : 400),
    queryCode: shape.error?.code ?? shapeName,
    messageMember,
    fields: options.fields,
  });
}
