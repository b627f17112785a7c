import type { SlackHandlerDeps } from '../../src/app.ts';
import { type CaptureOutcome, postNote } from '../../src/incidents/index.ts';

/**
 * A message just kept on the timeline is shown where it was not written (the card's thread or the
 * incident channel), so both places see it. Returns what could not be posted, in words, for the
 * person's answer ('' when all went well or nothing was added).
 */
export async function showCaptured(
  deps: Pick<SlackHandlerDeps, 'store' | 'slack' | 'logger' | 'config'>,
  outcome: CaptureOutcome,
  channel: string,
): Promise<string> {
  if (outcome.kind !== 'added') return '';
  const { store, slack, logger, config } = deps;
  const posted = await postNote(
    { store, slack, logger, alertChannel: config.slack.alertChannel },
    outcome.incident,
    outcome.entry,
    { except: channel },
  );
  return posted.problems.length > 0 ? ` ${posted.problems.join('; ')}.` : '';
}
