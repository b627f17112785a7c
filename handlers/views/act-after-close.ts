import { randomUUID } from 'node:crypto';
import { BotError, toBotError } from '../../src/errors.ts';
import { reportToUser } from './report-to-user.ts';
import type { ViewDeps } from './view-submission.ts';

/**
 * Runs the work a submitted (and so already closed) modal asked for. If it fails unexpectedly the
 * person is told, with a reference and what they typed (the modal is gone, so nothing else keeps
 * it), and the error is rethrown with the same reference for app.error to log.
 */
export async function actAfterClose(
  deps: Pick<ViewDeps, 'slack' | 'logger'>,
  target: { userId: string; channelId?: string },
  typed: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const coded = toBotError(error);
    const reference = randomUUID().slice(0, 8);
    const quoted = typed
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    await reportToUser(
      deps,
      target,
      `That did not work: ${coded.userMessage} (reference ${reference}). What you entered:\n${quoted}`,
    );
    throw new BotError(coded.code, coded.userMessage, { cause: error, detail: `reference ${reference}` });
  }
}
