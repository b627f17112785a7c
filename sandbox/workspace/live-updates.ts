import type { ServerResponse } from 'node:http';

/**
 * Server-Sent Events to every open page: one `change` event carrying a version number; the page
 * then fetches its snapshot. Bursts (a scenario makes dozens of Slack calls) are coalesced.
 */
export class LiveUpdates {
  private readonly clients = new Set<ServerResponse>();
  private pending: NodeJS.Timeout | undefined;
  private keepAlive: NodeJS.Timeout;
  version = 1;

  constructor(private readonly coalesceMs = 50) {
    // Comments keep idle connections from being closed by proxies and show the page is alive.
    this.keepAlive = setInterval(() => this.broadcast(': keep-alive\n\n'), 15_000);
    this.keepAlive.unref();
  }

  attach(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(`retry: 1000\nevent: change\ndata: ${this.version}\n\n`);
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  changed(): void {
    this.version += 1;
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.broadcast(`event: change\ndata: ${this.version}\n\n`);
    }, this.coalesceMs);
  }

  close(): void {
    clearInterval(this.keepAlive);
    if (this.pending) clearTimeout(this.pending);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private broadcast(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}

/**
 * Changes nobody announces: response_url replies (posted to the emulator over HTTP, not a Web API
 * call) and automation executions moving on with time. A cheap fingerprint, polled.
 */
export function watchQuietChanges(
  fingerprint: () => string,
  onChange: () => void,
  everyMs = 250,
): () => void {
  let last = fingerprint();
  const timer = setInterval(() => {
    const now = fingerprint();
    if (now !== last) {
      last = now;
      onChange();
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
