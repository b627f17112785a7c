import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultBodyLimit, HTTPModuleFunctions, isValidSlackRequest } from '@slack/bolt';
import type { Logger } from '../logger.ts';
import { readBody } from './read-body.ts';
import { sendJson } from './respond.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface SlackEventsRouteDeps {
  /** Bolt's HTTPReceiver request listener: verifies the signature, parses, acks, dispatches. */
  boltListener: Handler;
  signingSecret: string;
  logger: Logger;
}

/**
 * POST /slack/events in HTTP mode. Reads the body once and hands it to Bolt already buffered (Bolt
 * uses a `rawBody` it finds instead of reading the stream), after one check Bolt lacks: its
 * HTTPReceiver reads `body.ssl_check` of whatever the body parses to, outside any try, so a signed
 * `null` (or `payload=null`) threw an unhandled rejection that ended the process. A body that is
 * not an object is answered here: 401 unless correctly signed (as Bolt would), else 400.
 */
export function createSlackEventsRoute(deps: SlackEventsRouteDeps): Handler {
  return async (request, response) => {
    let raw: string;
    try {
      raw = await readBody(request, defaultBodyLimit);
    } catch {
      return sendJson(response, 413, { error: 'too_large', message: `body over ${defaultBodyLimit} bytes` });
    }
    const buffered = Object.assign(request, { rawBody: Buffer.from(raw, 'utf8') });
    const parsed = parseAsBoltDoes(buffered);
    if (
      parsed.ok &&
      (typeof parsed.body !== 'object' || parsed.body === null || Array.isArray(parsed.body))
    ) {
      if (!isSignedBySlack(request, raw, deps.signingSecret)) {
        deps.logger.warn('refused an unsigned Slack request');
        return sendJson(response, 401, { error: 'bad_signature', message: 'not signed by Slack' });
      }
      const got =
        parsed.body === null ? 'null' : Array.isArray(parsed.body) ? 'an array' : typeof parsed.body;
      deps.logger.warn({ got }, 'refused a signed Slack request whose body is not an object');
      return sendJson(response, 400, {
        error: 'bad_request',
        message: `a Slack payload is a JSON object or form fields, not ${got}`,
      });
    }
    // Everything else, unparseable bodies included, is Bolt's to verify (401) and parse (400).
    return deps.boltListener(buffered, response);
  };
}

/** Bolt's own parser, so what is checked here is exactly what Bolt would read. */
function parseAsBoltDoes(
  request: IncomingMessage & { rawBody: Buffer },
): { ok: true; body: unknown } | { ok: false } {
  try {
    return { ok: true, body: HTTPModuleFunctions.parseHTTPRequestBody(request) };
  } catch {
    return { ok: false };
  }
}

function isSignedBySlack(request: IncomingMessage, raw: string, signingSecret: string): boolean {
  const signature = request.headers['x-slack-signature'];
  const timestamp = request.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return false;
  return isValidSlackRequest({
    signingSecret,
    body: raw,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
  });
}
