import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { parseNotification } from '../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../handlers/register-slack-handlers.ts';
import { runDrill } from '../sandbox/drill/run-drill.ts';
import type { Pace } from '../sandbox/scenarios/run-scenario.ts';
import { loadScenarios } from '../src/drill/index.ts';
import { isBotError } from '../src/errors.ts';
import { createLogger } from '../src/logger.ts';

const USAGE = `npm run drill -- <scenario-id> [--slack-channel C0123] [--file my-drill.yml] [--pace fast|realtime|<scale>] [--minutes N]
npm run drill -- --list [--file my-drill.yml]

Without --slack-channel the drill runs in the local workspace: open the printed URL in a browser
(SANDBOX_UI_PORT, default 3100) and work the cards there. With it, warroom joins your Slack
workspace (SLACK_BOT_TOKEN, SLACK_APP_TOKEN) and posts into that channel. Either way every message
is marked DRILL and every AWS call goes to a local emulator, so no AWS account is touched.
Defaults: --pace realtime, --minutes 60; --pace fast --minutes 0 runs it through unattended.
See docs/drills.md.`;

const write = (text: string) => process.stdout.write(text);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function parsePace(text: string | undefined): Pace | undefined {
  if (text === undefined || text === 'fast' || text === 'realtime') return text;
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale <= 0)
    fail(`--pace: expected fast, realtime or a scale such as 0.1, not "${text}"`);
  return scale;
}

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`${name} must be a port number from 0 to 65535, not "${raw}"`);
  return port;
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'slack-channel': { type: 'string' },
        file: { type: 'string', multiple: true },
        pace: { type: 'string' },
        minutes: { type: 'string' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`);
  }
})();

if (values.help) {
  write(`${USAGE}\n`);
  process.exit(0);
}
try {
  const files = values.file ?? [];
  if (values.list) {
    for (const { scenario } of loadScenarios(files)) write(`${scenario.id.padEnd(28)} ${scenario.title}\n`);
    process.exit(0);
  }
  const [scenarioId] = positionals;
  if (!scenarioId || positionals.length > 1) fail(`Name one scenario.\n\n${USAGE}`);
  const minutes = values.minutes === undefined ? undefined : Number(values.minutes);
  if (minutes !== undefined && !(Number.isFinite(minutes) && minutes >= 0)) {
    fail(`--minutes: expected a number of minutes (0 or more), not "${values.minutes}"`);
  }
  const stop = new AbortController();
  process.on('SIGINT', () => {
    // The first Ctrl-C ends the drill with its debrief; a second one leaves at once.
    if (stop.signal.aborted) process.exit(130);
    write('\nStopping (Ctrl-C again leaves at once).\n');
    stop.abort();
  });
  await runDrill({
    scenarioId,
    scenarioFiles: files,
    slackChannel: values['slack-channel'],
    env: process.env,
    adapters: { parseNotification, registerSlackHandlers },
    write,
    logger: createLogger({ level: 'warn', destination: pino.destination(2) }),
    pace: parsePace(values.pace),
    waitMinutes: minutes,
    uiPort: portFrom('SANDBOX_UI_PORT', 3100),
    signal: stop.signal,
  });
  process.exit(0);
} catch (error) {
  if (isBotError(error)) fail(error.userMessage);
  throw error;
}
