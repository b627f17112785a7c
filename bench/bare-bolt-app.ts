/**
 * The ack-latency baseline: a Bolt app that does nothing but ack `/incident` and every action, on
 * Bolt's own HTTPReceiver, configured like warroom's (same signing secret, same token, ack before
 * processing). It talks only to the local Slack API (SLACK_API_URL), for Bolt's one auth.test.
 * Prints `{"port":N,"msg":"bare bolt app is listening"}` on stdout once it listens.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`bare-bolt-app: ${name} is required`);
  return value;
}

const receiver = new HTTPReceiver({
  signingSecret: requireEnv('SLACK_SIGNING_SECRET'),
  endpoints: '/slack/events',
  processBeforeResponse: false,
  logLevel: LogLevel.WARN,
});
const app = new App({
  token: requireEnv('SLACK_BOT_TOKEN'),
  receiver,
  logLevel: LogLevel.WARN,
  clientOptions: { slackApiUrl: requireEnv('SLACK_API_URL') },
});
app.command('/incident', async ({ ack }) => {
  await ack();
});
app.action(/.*/, async ({ ack }) => {
  await ack();
});

const server = await app.start({ port: 0, host: '127.0.0.1' });
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ port, msg: 'bare bolt app is listening' })}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
