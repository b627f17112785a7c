import { parseNotification } from '../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../handlers/register-slack-handlers.ts';
import { startSandbox } from '../src/sandbox/run-sandbox.ts';

/**
 * `npm run sandbox`: warroom with a local AWS and a local Slack, a scenario fired at it, and what
 * reaches Slack printed here. `--once` exits after the scenario (used by the tests).
 */
const once = process.argv.includes('--once');
const port = Number(process.env.PORT ?? 3000);
const write = (text: string) => process.stdout.write(text);

write('warroom sandbox: local AWS (RDS orders-db, Aurora payments-aurora, SNS topic) and a local Slack.\n');
const sandbox = await startSandbox({
  adapters: { parseNotification, registerSlackHandlers },
  port: Number.isInteger(port) ? port : 3000,
  write,
});
write(
  `warroom is listening on ${sandbox.warroom.url} (POST /sns, /slack/events, GET /healthz, /readyz, /metrics)\n`,
);
await sandbox.runScenario();
const incidents = await sandbox.warroom.store.listOpenIncidents();
write(
  `\nDone: ${sandbox.slack.callsTo('chat.postMessage').length} card posted, ` +
    `${sandbox.slack.callsTo('chat.update').length} in-place update(s), ${incidents.length} open incident(s).\n`,
);
if (once) {
  await sandbox.stop();
  process.exit(0);
}
write(
  'Still running: try `curl -s localhost:' +
    sandbox.warroom.port +
    '/metrics | grep warroom_`. Ctrl-C stops.\n',
);
process.on('SIGINT', () => {
  void sandbox.stop().then(() => process.exit(0));
});
