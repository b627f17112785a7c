import { randomUUID } from 'node:crypto';
import { BotError, isBotError, toBotError } from '../../src/errors.ts';
import type { CardActionDeps, CardClickArgs, ClickTarget } from './card-click.ts';
import { tellClicker } from './tell-clicker.ts';

/**
 * How a button tells its clicker that what they asked for did not happen, as /incident does: an
 * expected failure (a coded BotError: the incident is resolved, Slack refused a call, SSM said no)
 * is told in its own words and logged as a warning, because nothing inside warroom is broken.
 * Anything else is told with a reference and rethrown with it, so app.error logs the same one.
 */
export async function answerClickFailure(
  deps: Pick<CardActionDeps, 'slack' | 'logger'>,
  args: Pick<CardClickArgs, 'respond'>,
  target: ClickTarget,
  error: unknown,
): Promise<void> {
  if (isBotError(error) && error.code !== 'INTERNAL.UNEXPECTED') {
    deps.logger.warn({ err: error, code: error.code, userId: target.userId }, 'a button click failed');
    await tellClicker(deps, args, target, `That did not work: ${error.userMessage}`);
    return;
  }
  const coded = toBotError(error);
  const reference = randomUUID().slice(0, 8);
  await tellClicker(
    deps,
    args,
    target,
    `That did not work: ${coded.userMessage} (reference ${reference}). Try again, or use \`/incident\`.`,
  );
  throw new BotError(coded.code, coded.userMessage, { cause: error, detail: `reference ${reference}` });
}
