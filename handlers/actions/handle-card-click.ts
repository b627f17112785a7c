import { answerClickFailure } from './answer-click-failure.ts';
import type { CardActionDeps, CardClick, CardClickArgs, Parsed } from './card-click.ts';
import { tellClicker } from './tell-clicker.ts';

/**
 * The frame every card listener runs in: ack first (Slack's 3 s, before any store, Slack or AWS
 * call), then parse, then act. Unreadable payloads get a plain answer; failures are answered by
 * answerClickFailure (expected ones in their words, unexpected ones with a reference, rethrown).
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
    await answerClickFailure(deps, args, parsed.click, error);
  }
}
