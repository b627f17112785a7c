import { parseNotification } from '../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../handlers/register-slack-handlers.ts';
import { SANDBOX_SIGNING_SECRET, startSandbox } from '../sandbox/run-sandbox.ts';
import { startWorkspaceUi } from '../sandbox/workspace/start-workspace-ui.ts';

/**
 * `npm run sandbox`: warroom with a local AWS and a local Slack you use in a browser (the URL is
 * printed; SANDBOX_UI_PORT, default 3100). Scenarios are fired from the page, or at start with
 * `--scenario <id>`; a drill (briefing, alerts at a drill's pace, debrief) is started from the page. `--once` fires the first scenario (or `--scenario`'s), prints what reached
 * Slack and exits, with no browser UI (used by the tests).
 */
const write = (text: string) => process.stdout.write(text);
const args = process.argv.slice(2);
const once = args.includes('--once');
const scenarioFlag = args.indexOf('--scenario');
const scenarioId = scenarioFlag >= 0 ? args[scenarioFlag + 1] : undefined;
if (scenarioFlag >= 0 && (!scenarioId || scenarioId.startsWith('--'))) {
  process.stderr.write('--scenario needs an id, e.g. --scenario rds-cpu-then-failover\n');
  process.exit(2);
}

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`${name} must be a port number from 0 to 65535, not "${raw}"\n`);
    process.exit(2);
  }
  return port;
}

const port = portFrom('PORT', 3000);
const uiPort = portFrom('SANDBOX_UI_PORT', 3100);

write('warroom sandbox: local AWS (RDS orders-db, Aurora payments-aurora, SNS topic) and a local Slack.\n');
const sandbox = await startSandbox({
  adapters: { parseNotification, registerSlackHandlers },
  port,
  write,
  // In the browser, warroom runs as a team would have it: paging, incident channels, Incident Manager.
  team: !once,
});
write(
  `warroom is listening on ${sandbox.warroom.url} (POST /sns, /slack/events, GET /healthz, /readyz, /metrics)\n`,
);
if (scenarioId && !sandbox.scenarios().some((scenario) => scenario.id === scenarioId)) {
  process.stderr.write(
    `no scenario "${scenarioId}"; known: ${sandbox
      .scenarios()
      .map((scenario) => scenario.id)
      .join(', ')}\n`,
  );
  await sandbox.stop();
  process.exit(2);
}

if (once) {
  await sandbox.runScenario(scenarioId);
  const incidents = await sandbox.warroom.store.listOpenIncidents();
  write(
    `\nDone: ${sandbox.slack.callsTo('chat.postMessage').length} card posted, ` +
      `${sandbox.slack.callsTo('chat.update').length} in-place update(s), ${incidents.length} open incident(s).\n`,
  );
  await sandbox.stop();
  process.exit(0);
}

const ui = await startWorkspaceUi({
  sandbox,
  signingSecret: SANDBOX_SIGNING_SECRET,
  port: uiPort,
  // A drill started from the page prints its briefing, alerts and debrief here too.
  write,
}).catch(async (error: unknown) => {
  await sandbox.stop();
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(
      `Port ${uiPort} is taken (another sandbox?): stop it, or set SANDBOX_UI_PORT to a free port (0 picks one).\n`,
    );
    process.exit(2);
  }
  throw error;
});
write(
  `\nOpen ${ui.url} in a browser: the local Slack workspace, with scenarios to fire or drill on the right.\n`,
);
if (scenarioId) await sandbox.runScenario(scenarioId);
write(`Also try \`curl -s localhost:${sandbox.warroom.port}/metrics | grep warroom_\`. Ctrl-C stops.\n`);
process.on('SIGINT', () => {
  void ui
    .close()
    .then(() => sandbox.stop())
    .then(() => process.exit(0));
});
