import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { JsonObject } from './types.ts';

/** Where the WebSocket URLs handed out by apps.connections.open point, on the emulator's own port. */
export const SOCKET_MODE_PATH = '/socket-mode';

export type SocketEnvelopeType = 'events_api' | 'slash_commands' | 'interactive';
export type SocketDisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

export interface SocketEnvelopeOptions {
  /** How long to wait for the app's ack before rejecting. Default 5000 ms. */
  timeoutMs?: number;
  /** Default: true for slash commands, view_submission and block_suggestion; false otherwise. */
  acceptsResponsePayload?: boolean;
  /** events_api only (Slack retries only events): default 0 and ''. */
  retryAttempt?: number;
  retryReason?: string;
}

export interface SocketAck {
  envelopeId: string;
  /** The ack message as the app sent it, parsed: `{ envelope_id, payload? }`. */
  ack: unknown;
  /** Wall time from sending the envelope to receiving its ack. */
  latencyMs: number;
}

interface PendingAck {
  socket: WebSocket;
  sentAt: number;
  timer: NodeJS.Timeout;
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
}

const DEBUG_HOST = 'applink-local-1';
const INTERACTIVE_WITH_RESPONSE = new Set(['view_submission', 'block_suggestion']);

/**
 * Slack's Socket Mode side: single-use tickets (issued by apps.connections.open), the WebSocket
 * upgrade on the emulator's HTTP server, `hello` on connect, envelopes out and acks back.
 * An ack counts only on the connection its envelope went out on. Tickets do not expire.
 */
export class SocketModeServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly pending = new Map<string, PendingAck>();
  private nextConnection = 0;

  constructor(private readonly appId: string) {}

  /** Answers WebSocket upgrades on `server`: 404 off SOCKET_MODE_PATH, 401 for an unknown or used ticket. */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(request.url ?? '/', 'http://local');
      if (url.pathname !== SOCKET_MODE_PATH) return refuse(socket, '404 Not Found');
      const ticket = url.searchParams.get('ticket');
      if (!ticket || !this.tickets.delete(ticket)) return refuse(socket, '401 Unauthorized');
      this.wss.handleUpgrade(request, socket, head, (connection) => this.accept(connection));
    });
  }

  /** A ticket for one connection, as apps.connections.open puts in its URL. */
  issueTicket(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return ticket;
  }

  /** Open connections (a connection that has started closing no longer counts). */
  openConnections(): WebSocket[] {
    return [...this.wss.clients].filter((connection) => connection.readyState === connection.OPEN);
  }

  /** Sends one envelope on an open connection (round robin, as Slack may use any) and waits for its ack. */
  sendEnvelope(
    type: SocketEnvelopeType,
    payload: object,
    options: SocketEnvelopeOptions = {},
  ): Promise<SocketAck> {
    const problem = checkPayload(type, payload);
    if (problem) return Promise.reject(new TypeError(`Socket Mode ${type} payload: ${problem}`));
    const open = this.openConnections();
    const socket = open[this.nextConnection++ % Math.max(open.length, 1)];
    if (!socket) return Promise.reject(new Error('Socket Mode: no app is connected'));
    const envelopeId = randomUUID();
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(
          new Error(`Socket Mode: ${type} envelope ${envelopeId} not acknowledged within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.pending.set(envelopeId, { socket, sentAt: performance.now(), timer, resolve, reject });
      socket.send(JSON.stringify(buildEnvelope(envelopeId, type, payload, options)), (error) => {
        if (error) this.settle(envelopeId, new Error(`Socket Mode: sending failed: ${error.message}`));
      });
    });
  }

  /** Slack's `disconnect` message on every open connection; the app is expected to reconnect. */
  sendDisconnect(reason: SocketDisconnectReason): void {
    const message = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: DEBUG_HOST } });
    for (const connection of this.openConnections()) connection.send(message);
  }

  /** Drops every connection and fails every envelope still waiting for its ack. */
  close(): Promise<void> {
    this.tickets.clear();
    for (const id of [...this.pending.keys()]) this.settle(id, new Error('Socket Mode: emulator closed'));
    for (const connection of this.wss.clients) connection.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private accept(connection: WebSocket): void {
    connection.on('message', (data, isBinary) => this.receive(connection, data, isBinary));
    connection.on('close', () => {
      for (const [id, pending] of this.pending) {
        if (pending.socket === connection)
          this.settle(id, new Error('Socket Mode: connection closed before ack'));
      }
    });
    connection.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.openConnections().length,
        debug_info: { host: DEBUG_HOST, build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
  }

  /** Acks are `{ envelope_id, payload? }`; anything else (or an ack on the wrong connection) is ignored. */
  private receive(connection: WebSocket, data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    let message: unknown;
    try {
      message = JSON.parse(rawText(data));
    } catch {
      return;
    }
    const id =
      typeof message === 'object' && message !== null ? (message as JsonObject)['envelope_id'] : undefined;
    const pending = typeof id === 'string' ? this.pending.get(id) : undefined;
    if (!pending || pending.socket !== connection || typeof id !== 'string') return;
    this.settle(id, { envelopeId: id, ack: message, latencyMs: performance.now() - pending.sentAt });
  }

  private settle(envelopeId: string, outcome: SocketAck | Error): void {
    const pending = this.pending.get(envelopeId);
    if (!pending) return;
    this.pending.delete(envelopeId);
    clearTimeout(pending.timer);
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  }
}

/** The envelope as Slack sends it; retry fields only on events_api, as Slack only retries events. */
function buildEnvelope(
  envelopeId: string,
  type: SocketEnvelopeType,
  payload: object,
  options: SocketEnvelopeOptions,
): JsonObject {
  const payloadType = (payload as JsonObject)['type'];
  const acceptsByDefault =
    type === 'slash_commands' ||
    (type === 'interactive' && typeof payloadType === 'string' && INTERACTIVE_WITH_RESPONSE.has(payloadType));
  const envelope: JsonObject = {
    envelope_id: envelopeId,
    payload,
    type,
    accepts_response_payload: options.acceptsResponsePayload ?? acceptsByDefault,
  };
  if (type === 'events_api') {
    envelope['retry_attempt'] = options.retryAttempt ?? 0;
    envelope['retry_reason'] = options.retryReason ?? '';
  }
  return envelope;
}

/** Refuses payloads no Slack envelope carries, so a test cannot pass on a shape Slack never sends. */
function checkPayload(type: SocketEnvelopeType, payload: object): string | undefined {
  const body = payload as JsonObject;
  if (type === 'events_api') {
    const event = body['event'];
    if (body['type'] !== 'event_callback') return "expected type 'event_callback'";
    if (typeof event !== 'object' || event === null || typeof (event as JsonObject)['type'] !== 'string') {
      return 'expected an event with a type';
    }
  }
  if (type === 'interactive' && typeof body['type'] !== 'string')
    return 'expected a type such as block_actions';
  if (type === 'slash_commands' && typeof body['command'] !== 'string') return 'expected a command';
  return undefined;
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}
