import { randomUUID } from 'node:crypto';
import { BotError, toBotError } from '../../src/errors.ts';
import type { CardActionDeps, CardClick, CardClickArgs, Parsed } from './card-click.ts';
import { tellClicker } from './tell-clicker.ts';

/**
 * The frame every card listener runs in: ack first (Slack's 3 s, before any store, Slack or AWS
 * call), then parse, then act. Unreadable payloads get a plain answer. An unexpected failure is
 * shown to the clicker with a reference and rethrown with it, so app.error logs the same one.
 */
export async function handleCardClick<T extends CardClick>(
  deps: CardActionDeps,
  args: CardClickArgs,
  parse: (body: unknown) => Parsed<T>,
  act: (click: T) => Promise<void>,
): Promise<void> {
  await args.ack();
  const parsed = parse(args.body);
  if (!parsed.ok) {
    deps.logger.warn({ ...parsed.target, retryNum: args.context.retryNum }, 'unreadable card click');
    await tellClicker(deps, args, parsed.target, parsed.reason);
    return;
  }
  try {
    await act(parsed.click);
  } catch (error) {
    const coded = toBotError(error);
    const reference = randomUUID().slice(0, 8);
    await tellClicker(
      deps,
      args,
      parsed.click,
      `That did not work: ${coded.userMessage} (reference ${reference}). Try again, or use \`/incident\`.`,
    );
    throw new BotError(coded.code, coded.userMessage, { cause: error, detail: `reference ${reference}` });
  }
}
