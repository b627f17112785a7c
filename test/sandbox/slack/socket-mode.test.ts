import { LogLevel, SocketModeClient } from '@slack/socket-mode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { BOT_TOKEN, createClient, type FakeSlack, slackError, startFakeSlack } from './fake-slack.ts';

const APP_TOKEN = 'xapp-1-A0WARROOM-1-test';

const appMention = {
  token: 'verification-token',
  team_id: 'T0WARROOM',
  api_app_id: 'A0WARROOM',
  event: {
    type: 'app_mention',
    user: 'U0ALICE',
    text: '<@U0WARBOT> status',
    ts: '1.000100',
    channel: 'C0ALERTS',
  },
  type: 'event_callback',
  event_id: 'Ev0001',
  event_time: 1,
};

const slashCommand = {
  token: 'verification-token',
  team_id: 'T0WARROOM',
  channel_id: 'C0ALERTS',
  user_id: 'U0ALICE',
  command: '/incident',
  text: 'list',
  api_app_id: 'A0WARROOM',
  response_url: 'https://hooks.slack.com/commands/T0WARROOM/1/x',
  trigger_id: '1.2.x',
};

describe('local Slack: Socket Mode', () => {
  let slack: FakeSlack;
  const clients: SocketModeClient[] = [];

  beforeEach(async () => {
    slack = await startFakeSlack({ appTokens: [APP_TOKEN] });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.disconnect();
    await slack.emulator.close();
  });

  /** The real SDK client, as Bolt builds it, pointed at the emulator. */
  function socketClient(options: { clientPingTimeout?: number } = {}): SocketModeClient {
    const client = new SocketModeClient({
      appToken: APP_TOKEN,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.emulator.apiUrl, retryConfig: { retries: 0 } },
      ...options,
    });
    clients.push(client);
    return client;
  }

  async function openUrl(): Promise<string> {
    const result = await createClient(slack.emulator, APP_TOKEN).apps.connections.open();
    return String(result.url);
  }

  describe('apps.connections.open', () => {
    it('gives an app-level token a single-use ws:// URL on the emulator', async () => {
      const port = new URL(slack.emulator.apiUrl).port;
      expect(await openUrl()).toMatch(
        new RegExp(`^ws://127\\.0\\.0\\.1:${port}/socket-mode\\?ticket=[\\w-]+$`),
      );
    });

    it('refuses a bot token (not_allowed_token_type), an unknown token and no token', async () => {
      const open = (token: string | undefined) => createClient(slack.emulator, token).apps.connections.open();
      expect((await slackError(open(BOT_TOKEN))).error).toBe('not_allowed_token_type');
      expect((await slackError(open('xapp-1-unknown'))).error).toBe('invalid_auth');
      expect((await slackError(open(undefined))).error).toBe('not_authed');
    });

    it('refuses the app-level token everywhere else', async () => {
      const app = createClient(slack.emulator, APP_TOKEN);
      expect((await slackError(app.auth.test())).error).toBe('not_allowed_token_type');
      const post = app.chat.postMessage({ channel: 'C0ALERTS', text: 'hi' });
      expect((await slackError(post)).error).toBe('not_allowed_token_type');
    });
  });

  describe('the WebSocket', () => {
    it('says hello with the connection count, app id and debug info', async () => {
      const socket = new WebSocket(await openUrl());
      const hello = await new Promise<string>((resolve) =>
        socket.once('message', (data) => resolve(String(data))),
      );
      expect(JSON.parse(hello)).toEqual({
        type: 'hello',
        num_connections: 1,
        debug_info: {
          host: expect.any(String),
          build_number: expect.any(Number),
          approximate_connection_time: 18060,
        },
        connection_info: { app_id: 'A0WARROOM' },
      });
      expect(slack.emulator.socketConnections()).toBe(1);
      socket.close();
    });

    it('refuses a used ticket, an unknown ticket and another path', async () => {
      const url = await openUrl();
      const first = new WebSocket(url);
      await new Promise((resolve) => first.once('open', resolve));
      expect(await refusal(url)).toContain('401');
      expect(await refusal(url.replace(/ticket=.*/, 'ticket=made-up'))).toContain('401');
      expect(await refusal(url.replace('/socket-mode', '/elsewhere'))).toContain('404');
      first.close();
    });
  });

  describe('with the real SocketModeClient', () => {
    it('connects, delivers an events_api envelope and receives its ack', async () => {
      const client = socketClient();
      const seen = vi.fn();
      client.on('app_mention', async ({ ack, ...rest }) => {
        seen(rest);
        await ack();
      });
      await client.start();
      expect(slack.emulator.socketConnections()).toBe(1);

      const { envelopeId, ack, latencyMs } = await slack.emulator.sendSocketEnvelope(
        'events_api',
        appMention,
      );
      expect(ack).toEqual({ envelope_id: envelopeId, payload: {} });
      expect(latencyMs).toBeGreaterThanOrEqual(0);
      expect(seen).toHaveBeenCalledWith(
        expect.objectContaining({
          envelope_id: envelopeId,
          body: appMention,
          event: appMention.event,
          retry_num: 0,
          retry_reason: '',
          accepts_response_payload: false,
        }),
      );
    });

    it('carries a slash command ack with a response payload back to Slack', async () => {
      const client = socketClient();
      client.on('slash_commands', async ({ ack, accepts_response_payload }) => {
        await ack({ text: `accepts_response_payload=${accepts_response_payload}` });
      });
      await client.start();
      const { ack } = await slack.emulator.sendSocketEnvelope('slash_commands', slashCommand);
      expect(ack).toMatchObject({ payload: { text: 'accepts_response_payload=true' } });
    });

    it('sends interactive envelopes whole and rejects when the app never acks', async () => {
      const client = socketClient();
      const bodies: unknown[] = [];
      client.on('interactive', ({ body }) => bodies.push(body));
      await client.start();
      const payload = { type: 'block_actions', actions: [{ action_id: 'x', type: 'button' }] };
      await expect(
        slack.emulator.sendSocketEnvelope('interactive', payload, { timeoutMs: 150 }),
      ).rejects.toThrow(/not acknowledged within 150 ms/);
      expect(bodies).toEqual([payload]);
    });

    it('refuses payloads Slack would never send, and envelopes with no app connected', async () => {
      await expect(
        slack.emulator.sendSocketEnvelope('events_api', { type: 'event_callback' }),
      ).rejects.toThrow(TypeError);
      await expect(
        slack.emulator.sendSocketEnvelope('interactive', { type: 'block_actions' }),
      ).rejects.toThrow(/no app is connected/);
    });

    it('reconnects through a new apps.connections.open after Slack asks for a refresh', async () => {
      const client = socketClient({ clientPingTimeout: 300 });
      await client.start();
      const reconnected = new Promise((resolve) => client.once('connected', resolve));
      slack.emulator.sendSocketDisconnect('refresh_requested');
      await reconnected;
      expect(slack.emulator.callsTo('apps.connections.open')).toHaveLength(2);
      expect(slack.emulator.socketConnections()).toBe(1);
    });

    it('counts the connection closed as soon as the client has disconnected', async () => {
      const client = socketClient();
      await client.start();
      await client.disconnect();
      expect(slack.emulator.socketConnections()).toBe(0);
    });
  });
});

/** The error text `ws` gives for a refused upgrade, e.g. "Unexpected server response: 401". */
function refusal(url: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve('opened'));
    socket.once('error', (error) => resolve(error.message));
  });
}
