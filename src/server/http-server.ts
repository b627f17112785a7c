import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { sendJson, sendText } from './respond.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface HttpServerDeps {
  sns: Handler;
  /** Bolt's request listener; absent in Socket Mode. */
  slackEvents?: Handler;
  isReady: () => { ready: boolean; checks: Record<string, boolean> };
  metrics: Metrics;
  logger: Logger;
}

/** The one HTTP port: Slack, SNS, health and metrics. Everything else is 404. */
export function createHttpServer(deps: HttpServerDeps): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const route = `${request.method} ${path}`;
    const handle = async () => {
      switch (route) {
        case 'POST /sns':
          return deps.sns(request, response);
        case 'POST /slack/events':
          if (deps.slackEvents) return deps.slackEvents(request, response);
          return sendJson(response, 404, {
            error: 'not_found',
            message: 'Socket Mode is on; Slack events arrive over the socket',
          });
        case 'GET /healthz':
          return sendJson(response, 200, { status: 'ok' });
        case 'GET /readyz': {
          const { ready, checks } = deps.isReady();
          return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', checks });
        }
        case 'GET /metrics':
          return sendText(
            response,
            200,
            await deps.metrics.registry.metrics(),
            deps.metrics.registry.contentType,
          );
        default:
          request.resume();
          return sendJson(response, 404, { error: 'not_found', message: `no route for ${route}` });
      }
    };
    handle().catch((error: unknown) => {
      deps.logger.error({ err: error, route }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal', message: 'internal error' });
      else response.end();
    });
  });
}
