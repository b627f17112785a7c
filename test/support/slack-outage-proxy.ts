import { connect, createServer, type Socket } from 'node:net';

export interface SlackOutageProxy {
  /** What warroom puts in SLACK_API_URL: the proxy, which passes calls on to the local Slack. */
  apiUrl: string;
  /** Slack becomes unreachable: open connections are reset, new ones are reset after `resetAfterMs`. */
  goDown(): void;
  /** Connections warroom opened since Slack went down (each one a call that is failing). */
  readonly refused: number;
  close(): Promise<void>;
}

/**
 * A TCP pass-through in front of the local Slack that can make Slack unreachable, as a network
 * outage does: calls fail (connection reset) rather than hang for ever, so warroom keeps retrying.
 * The emulator's hold gate covers a Slack that goes quiet; this covers one that is gone.
 */
export async function startSlackOutageProxy(
  slackApiUrl: string,
  /** How long a call hangs before its connection is reset, as a dead route does (default 0). */
  resetAfterMs = 0,
): Promise<SlackOutageProxy> {
  const target = new URL(slackApiUrl);
  const open = new Set<Socket>();
  let down = false;
  let refused = 0;
  const server = createServer((client) => {
    if (down) {
      refused += 1;
      open.add(client);
      client.on('close', () => open.delete(client));
      client.on('error', () => client.destroy());
      setTimeout(() => client.resetAndDestroy(), resetAfterMs);
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    get refused() {
      return refused;
    },
    apiUrl: `http://127.0.0.1:${port}${target.pathname}`,
    goDown: () => {
      down = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
