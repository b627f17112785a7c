import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../../src/clock.ts';
import { type AnswerFault, AnswerFaults, sendFault } from './answer-faults.ts';
import { SlackApiError } from './api-error.ts';
import { receiveUpload } from './file-upload-route.ts';
import { type ResponsePost, ResponseUrls } from './response-urls.ts';

export type { AnswerFault } from './answer-faults.ts';
export type { ResponsePost } from './response-urls.ts';

import { HoldGate, type HoldMode } from './hold-gate.ts';
import { RateLimiter } from './rate-limiter.ts';
import { readRequestArgs } from './request-args.ts';
import { type ApiAnswer, answerCall } from './router.ts';
import { SlackState } from './slack-state.ts';
import {
  type SocketAck,
  type SocketDisconnectReason,
  type SocketEnvelopeOptions,
  type SocketEnvelopeType,
  SocketModeServer,
} from './socket-mode-server.ts';
import type {
  CanvasState,
  EphemeralMessage,
  RecordedCall,
  StoredMessage,
  StoredView,
  UploadedFile,
} from './types.ts';
import { buildWorkspace, type Workspace, type WorkspaceOptions } from './workspace.ts';

/** Every scope the emulated methods need; pass `scopes` to test a bot installed with fewer. */
export const DEFAULT_SCOPES = [
  'chat:write',
  'chat:write.public',
  'channels:read',
  'channels:history',
  'channels:manage',
  'channels:join',
  'groups:read',
  'groups:history',
  'groups:write',
  'users:read',
  'users:read.email',
  'usergroups:read',
  'reactions:write',
  'files:write',
  'canvases:write',
  'im:write',
  'im:history',
  'commands',
];

export interface SlackEmulatorOptions {
  /** The only valid token (with `extraTokens`); any other answers `invalid_auth`. */
  botToken: string;
  extraTokens?: string[];
  /** App-level tokens (xapp-) accepted by apps.connections.open (Socket Mode); none by default. */
  appTokens?: string[];
  /** Drives rate limits, message ts and trigger expiry. Default: the system clock. */
  clock?: Clock;
  /** Default true. */
  rateLimits?: boolean;
  /** Default: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  workspace?: WorkspaceOptions;
  /** Scopes granted to the token; default DEFAULT_SCOPES. */
  scopes?: string[];
}

export interface ChannelSnapshot {
  id: string;
  name: string;
  isPrivate: boolean;
  members: string[];
}

export type { SocketAck, SocketDisconnectReason, SocketEnvelopeOptions, SocketEnvelopeType };

export type CallListener = (call: RecordedCall) => void;

export interface SlackEmulator {
  /** What warroom puts in SLACK_API_URL, e.g. http://127.0.0.1:PORT/api/ */
  readonly apiUrl: string;
  readonly workspace: Workspace;
  /** Every call in arrival order (live array; emptied by reset()). */
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Messages of a channel now (edits applied), oldest first, thread replies included. Copies. */
  messages(channel: string): StoredMessage[];
  /** Ephemeral messages sent, optionally only those in one channel. */
  ephemerals(channel?: string): EphemeralMessage[];
  /** The user's open modals (root first) and then their App Home view, if published. */
  views(userId: string): StoredView[];
  files(): UploadedFile[];
  /** Canvases now (edits applied), in creation order. Copies. */
  canvases(): CanvasState[];
  channel(idOrName: string): ChannelSnapshot | undefined;
  /** A trigger_id as Slack would put in an interaction from `userId`: 3 s (of the clock), one use. */
  issueTriggerId(userId: string): string;
  /** Seeds a message written by a person (the bot cannot chat.update it). */
  postAsUser(channel: string, userId: string, text: string, options?: { threadTs?: string }): StoredMessage;
  addToken(token: string): void;
  /** Stop answering; see HoldMode for `before` (default) and `after`. */
  hold(options?: { mode?: HoldMode }): void;
  /** Answer everything held, in order; resolves when done. */
  release(): Promise<void>;
  /** Resolves once `count` requests (default 1) are being held. */
  waitForHeld(count?: number): Promise<void>;
  onCall(listener: CallListener): () => void;
  /**
   * The next call (or `times` calls) to `method` that Slack would carry out is carried out (the
   * message is posted), then its answer is lost: see AnswerFault. A refused call answers its real
   * error and leaves the fault planned. Off unless planned; reset() clears the plan.
   */
  loseAnswer(method: string, fault: AnswerFault, times?: number): void;
  /** Socket Mode connections open now (connected through an apps.connections.open URL, hello sent). */
  socketConnections(): number;
  /**
   * Sends an envelope to the app over Socket Mode, as Slack does, and resolves with the app's ack
   * (`{ envelope_id, payload? }`) once it arrives. Rejects if no app is connected, if the payload
   * is not one Slack would send for `type`, or after `timeoutMs` (default 5 s) without an ack.
   */
  sendSocketEnvelope(
    type: SocketEnvelopeType,
    payload: object,
    options?: SocketEnvelopeOptions,
  ): Promise<SocketAck>;
  /** Slack's `{ type: 'disconnect', reason }` on every open connection (default `refresh_requested`). */
  sendSocketDisconnect(reason?: SocketDisconnectReason): void;
  /** A response_url for a reply to `userId` in `channel` (5 posts within 30 minutes, as Slack allows). */
  issueResponseUrl(userId: string, channel: string): string;
  /** Replies posted to response URLs, in order; pass a URL to see only its replies. */
  responses(url?: string): ResponsePost[];
  /** Forgets calls, messages, views, files and rate-limit state; keeps the configured workspace. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts the local Slack Web API on loopback. Strict like real Slack: a call Slack would refuse is
 * refused with the same `error` (HTTP 200, ok:false) or HTTP 429 + Retry-After when rate limited.
 */
export async function startSlackEmulator(options: SlackEmulatorOptions): Promise<SlackEmulator> {
  const clock = options.clock ?? systemClock;
  const workspace = buildWorkspace(options.workspace);
  const state = new SlackState(workspace, clock);
  const limiter = options.rateLimits === false ? undefined : new RateLimiter(clock);
  const tokens = new Set([options.botToken, ...(options.extraTokens ?? [])]);
  const appTokens = new Set(options.appTokens ?? []);
  const socketMode = new SocketModeServer(workspace.appId);
  const scopes = new Set(options.scopes ?? DEFAULT_SCOPES);
  const calls: RecordedCall[] = [];
  const listeners = new Set<CallListener>();
  const gate = new HoldGate();
  const faults = new AnswerFaults();
  const responseUrls = new ResponseUrls(clock);
  const host = options.host ?? '127.0.0.1';
  let baseUrl = '';

  const record = (call: RecordedCall): void => {
    calls.push(call);
    for (const listener of listeners) listener(call);
  };

  const execute = async (request: IncomingMessage, url: URL, body: Buffer): Promise<ApiAnswer> => {
    const method = url.pathname.slice('/api/'.length);
    const parsed = await readRequestArgs(request.headers, url.searchParams, body).catch((error: unknown) => {
      if (error instanceof SlackApiError) return error;
      throw error;
    });
    const answer = answerCall(
      { state, clock, limiter, tokens, appTokens, scopes, baseUrl, socketTickets: socketMode },
      method,
      parsed,
    );
    record(answer.call);
    return answer;
  };

  const send = (response: ServerResponse, answer: ApiAnswer): void => {
    const fault = faults.take(answer.call);
    if (fault) {
      sendFault(response, fault);
      return;
    }
    response.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      ...answer.headers,
    });
    response.end(JSON.stringify(answer.call.response));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://local');
    const body = await readAll(request);
    const upload = /^\/upload\/v1\/([A-Za-z0-9]+)$/.exec(url.pathname);
    if (upload?.[1]) {
      const result = await receiveUpload(state, upload[1], request.headers, body);
      response.writeHead(result.status, { 'content-type': 'text/plain' }).end(result.text);
      return;
    }
    const responseUrl = /^\/response\/([a-f0-9]+)$/.exec(url.pathname);
    if (responseUrl?.[1] && request.method === 'POST') {
      const result = responseUrls.receive(baseUrl, responseUrl[1], body);
      response
        .writeHead(result.status, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(result.json));
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (gate.holding === 'before') {
      gate.hold({ response, finish: async () => send(response, await execute(request, url, body)) });
    } else if (gate.holding === 'after') {
      const answer = await execute(request, url, body);
      gate.hold({ response, finish: async () => send(response, answer) });
    } else {
      send(response, await execute(request, url, body));
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the emulator: answer like Slack's internal_error so the WebClient does not retry.
      const detail = error instanceof Error ? error.message : String(error);
      if (!response.headersSent)
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ ok: false, error: 'internal_error', detail }));
    });
  });
  // Idle sockets outlive any client's idle timeout (undici keeps 4 s), as behind Slack's and AWS's load
  // balancers: a client never sends on a socket the server is closing ("fetch failed" under load).
  server.keepAliveTimeout = 65_000;
  socketMode.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;

  return {
    apiUrl: `${baseUrl}api/`,
    workspace,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    messages: (channel) => structuredClone(state.messages.get(channel) ?? []),
    ephemerals: (channel) =>
      structuredClone(
        state.ephemerals.filter((message) => channel === undefined || message.channel === channel),
      ),
    views: (userId) => {
      const ids = [...(state.modalStacks.get(userId) ?? []), state.homeViews.get(userId)];
      return ids.flatMap((id) => {
        const view = id ? state.views.get(id) : undefined;
        return view ? [structuredClone(view)] : [];
      });
    },
    files: () =>
      [...state.files.values()].map((file) => ({
        ...file,
        ...(file.bytes ? { bytes: Buffer.from(file.bytes) } : {}),
      })),
    canvases: () =>
      [...state.canvases.values()].map((canvas) => ({ ...canvas, access: new Map(canvas.access) })),
    channel: (idOrName) => {
      const channel = state.channels.get(idOrName) ?? state.findChannelByName(idOrName.replace(/^#/, ''));
      return channel && { ...channel, members: [...channel.members] };
    },
    issueTriggerId: (userId) => state.issueTrigger(userId),
    postAsUser: (channel, userId, text, postOptions = {}) => {
      if (!state.channels.has(channel)) throw new Error(`postAsUser: no channel ${channel} in the workspace`);
      if (!state.findUser(userId)) throw new Error(`postAsUser: no user ${userId} in the workspace`);
      const message: StoredMessage = { type: 'message', ts: state.nextTs(), channel, text, user: userId };
      if (postOptions.threadTs) message.thread_ts = postOptions.threadTs;
      state.addMessage(message);
      return structuredClone(message);
    },
    addToken: (token) => {
      tokens.add(token);
    },
    hold: (holdOptions = {}) => gate.close(holdOptions.mode ?? 'before'),
    release: () => gate.open(),
    waitForHeld: (count = 1) => gate.waitForHeld(count),
    onCall: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    loseAnswer: (method, fault, times = 1) => faults.plan(method, fault, times),
    socketConnections: () => socketMode.openConnections().length,
    sendSocketEnvelope: (type, payload, envelopeOptions) =>
      socketMode.sendEnvelope(type, payload, envelopeOptions),
    sendSocketDisconnect: (reason = 'refresh_requested') => socketMode.sendDisconnect(reason),
    issueResponseUrl: (userId, channel) => responseUrls.issue(baseUrl, { userId, channel }),
    responses: (url) => responseUrls.posts.filter((post) => url === undefined || post.url === url),
    reset: () => {
      calls.length = 0;
      responseUrls.posts.length = 0;
      state.reset();
      limiter?.reset();
      faults.clear();
    },
    close: async () => {
      gate.abandon();
      // Upgraded sockets are no longer the HTTP server's to close; until they end, close() waits.
      await socketMode.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
