import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { SlackEmulator } from '../slack/slack-emulator.ts';
import type { LiveUpdates } from './live-updates.ts';
import { MessageNotFoundError } from './message-lookup.ts';
import type { UiActionResult, UiSnapshot } from './ui-contract.ts';
import { UnknownUserError } from './workspace-context.ts';

/** One POST route: its body schema and what it does with a checked body. */
export interface PostRoute {
  schema: z.ZodType;
  run(body: never): Promise<UiActionResult>;
}

/** One GET route answering JSON from the query string. */
export type GetRoute = (params: URLSearchParams) => { status: number; body: unknown };

export interface UiServerParts {
  html: string;
  script: string;
  live: LiveUpdates;
  slack: SlackEmulator;
  snapshot(userId: string): UiSnapshot;
  posts: Record<string, PostRoute>;
  gets: Record<string, GetRoute>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

function serveFile(slack: SlackEmulator, id: string, response: ServerResponse): void {
  const file = slack.files().find((candidate) => candidate.id === id);
  if (!file?.bytes) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end(`no uploaded file ${id}`);
    return;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(file.filename)?.[1]?.toLowerCase() ?? '';
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'content-length': file.bytes.length,
  });
  response.end(file.bytes);
}

async function handle(
  parts: UiServerParts,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://local');
  if (request.method === 'GET') {
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(parts.html);
      return;
    }
    if (url.pathname === '/app.js') {
      response
        .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
        .end(parts.script);
      return;
    }
    if (url.pathname === '/api/events') {
      parts.live.attach(response);
      return;
    }
    if (url.pathname === '/api/snapshot') {
      const user = url.searchParams.get('user') ?? '';
      if (!parts.slack.workspace.users.some((candidate) => candidate.id === user && !candidate.isBot)) {
        sendJson(response, 400, {
          ok: false,
          message: `?user= must name a person in the workspace, not "${user}"`,
        });
        return;
      }
      sendJson(response, 200, parts.snapshot(user));
      return;
    }
    const get = parts.gets[url.pathname];
    if (get) {
      const { status, body } = get(url.searchParams);
      sendJson(response, status, body);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      // The page names no icon of its own (a data: URL); other clients asking get nothing, not a 404.
      response.writeHead(204).end();
      return;
    }
    const file = /^\/files\/([A-Za-z0-9]+)$/.exec(url.pathname);
    if (file?.[1]) {
      serveFile(parts.slack, file[1], response);
      return;
    }
  }
  if (request.method === 'POST') {
    const route = parts.posts[url.pathname];
    if (route) {
      const parsed = route.schema.safeParse(await readJson(request).catch(() => undefined));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        sendJson(response, 400, {
          ok: false,
          message: `bad request to ${url.pathname}: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'not JSON'}`,
        });
        return;
      }
      try {
        const result = await route.run(parsed.data as never);
        sendJson(response, result.ok ? 200 : 422, result);
      } catch (error) {
        // Someone or something the workspace does not have: the page's fault, said plainly.
        if (!(error instanceof UnknownUserError || error instanceof MessageNotFoundError)) throw error;
        sendJson(response, 404, { ok: false, message: error.message });
      }
      return;
    }
  }
  response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}

/** The sandbox UI's HTTP server: the page, its script, JSON API, live events and shared files. */
export async function listenUiServer(parts: UiServerParts, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    handle(parts, request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) sendJson(response, 500, { ok: false, message });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
