import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { parseNotification } from '../handlers/notifications/index.ts';
import { readConfigFile } from '../src/config/load-config.ts';
import { checkRouteOffline } from '../src/routes/index.ts';

const USAGE = `npm run routes:check -- <notification.json> [--config warroom.yml] [--tag key=value …]

Says which route, channel, escalation policy and team warroom would give a captured SNS message
(the whole SNS envelope, or the message alone), and why. Nothing is sent: no AWS, no Slack.
Tags are not read offline: give the resource's tags with --tag to test routes that need them.
The config is --config, else WARROOM_CONFIG, else ./warroom.yml. Exit 0: routed; 2: bad input.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        tag: { type: 'string', multiple: true },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (positionals.length !== 1) fail(USAGE);

const tags: Record<string, string> = {};
for (const pair of values.tag ?? []) {
  const [key, ...rest] = pair.split('=');
  if (!key || rest.length === 0)
    fail(`--tag: expected key=value, such as --tag team=payments, not "${pair}"`);
  tags[key] = rest.join('=');
}

const configPath = values.config ?? process.env.WARROOM_CONFIG ?? './warroom.yml';
const config = readConfigFile(configPath);
if (!config.file)
  fail(`${configPath} has problems:\n${config.problems.map((line) => `  ${line}`).join('\n')}`);

const notificationPath = positionals[0] as string;
let text: string;
try {
  text = readFileSync(notificationPath, 'utf8');
} catch (error) {
  fail(`${notificationPath}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
}

const lines = await checkRouteOffline(text, {
  file: config.file,
  lookupAccount: (accountId) => config.file?.accounts[accountId],
  parse: parseNotification,
  logger: pino({ level: 'silent' }),
  ...(values.tag ? { tags } : {}),
});
process.stdout.write(`${lines.join('\n')}\n`);
