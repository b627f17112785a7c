import { parseNotification } from '../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../handlers/register-slack-handlers.ts';
import { startWarroom } from '../src/app.ts';
import { createAwsPorts } from '../src/aws/aws-ports.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { isBotError } from '../src/errors.ts';
import { createLogger } from '../src/logger.ts';
import { keepRunningOnFaults } from '../src/process-faults.ts';

/** `npm start`: warroom for real. A bad or missing setting stops it with exit code 2. */
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  for (const problem of loaded.problems) process.stderr.write(`config: ${problem}\n`);
  process.exit(2);
}
const config = loaded.config;
const logger = createLogger({ level: config.logLevel });
/** A set-up mistake found while starting (e.g. the SQS queue does not exist) is said plainly, exit 2. */
async function start() {
  try {
    return await startWarroom(
      config,
      { parseNotification, registerSlackHandlers },
      { logger, aws: createAwsPorts(config.aws.region, { accounts: config.accounts }) },
    );
  } catch (error) {
    if (!isBotError(error)) throw error;
    process.stderr.write(`start-up: ${error.userMessage}\n`);
    process.exit(2);
  }
}
const running = await start();
// From here on a fault is logged and counted, and warroom keeps running (see process-faults.ts).
keepRunningOnFaults(process, logger, (fault) => running.metrics.processFaults.inc({ kind: fault }));

// The first signal stops within shutdownGraceSeconds and exits 0 (unfinished work stays in the
// store for the next start); a second one exits at once, for an operator who will not wait.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) {
      logger.warn({ signal }, 'stopping now: second signal');
      process.exit(0);
    }
    stopping = true;
    logger.info({ signal, graceSeconds: config.shutdownGraceSeconds }, 'stopping');
    running.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  });
}
