import type { WireRequest, WireResponse } from './protocols/protocol.ts';
import type { ServiceDefinition } from './service-definition.ts';

/*
 * Routing helpers. Requests are routed by the SigV4 credential scope's signing name (see
 * handle-request.ts); these cover the cases without one and endpoint path prefixes.
 */

/** Without a usable Authorization header, pick the service whose protocol the request looks like. */
export function guessService(
  services: ServiceDefinition[],
  request: WireRequest,
): ServiceDefinition | undefined {
  const target = request.headers['x-amz-target'];
  if (target) return services.find((service) => service.model.metadata.targetPrefix === target.split('.')[0]);
  const version =
    new URLSearchParams(request.body.toString('utf8')).get('Version') ?? request.query.get('Version');
  if (version)
    return services.find(
      (service) =>
        service.model.metadata.apiVersion === version && service.model.metadata.protocol === 'query',
    );
  return services.find((service) => service.model.metadata.protocol === 'rest-json');
}

/** Endpoints like `http://127.0.0.1:P/ssm-incidents` keep their path; the prefix is tolerated and dropped. */
export function withoutServicePrefix(request: WireRequest, name: string): WireRequest {
  const prefix = `/${name}`;
  if (request.path !== prefix && !request.path.startsWith(`${prefix}/`)) return request;
  return { ...request, path: request.path.slice(prefix.length) || '/' };
}

/** The answer to a signing name no emulated service uses. */
export function unknownService(requestId: string, signingName: string): WireResponse {
  return {
    status: 400,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': 'UnknownServiceException',
    },
    body: JSON.stringify({ message: `The warroom AWS emulator has no service signing as '${signingName}'` }),
  };
}
