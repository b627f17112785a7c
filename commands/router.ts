import { randomUUID } from 'node:crypto';
import type { SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackHandlerDeps } from '../src/app.ts';
import { BotError, isBotError } from '../src/errors.ts';
import { buildUnknownCommandText, buildUsageText } from '../src/slack/command-help.ts';
import { decodeSlackEntities, splitFirstWord } from './parse-args.ts';
import type { AnySubcommand, CommandReply } from './subcommand.ts';

type Reply = (message: CommandReply) => Promise<void>;

const REPLY_UNDELIVERED = 'SLACK.REPLY_UNDELIVERED';

/**
 * The one `/incident` listener: acks before anything else (Slack gives 3 s and AWS may be slow),
 * then picks the subcommand, parses its arguments and runs it. Bad input gets that subcommand's
 * usage line; every answer goes back ephemerally through the command's response_url.
 */
export function createCommandRouter(deps: SlackHandlerDeps, subcommands: readonly AnySubcommand[]) {
  const byName = new Map(subcommands.map((subcommand) => [subcommand.name, subcommand]));
  return async ({ ack, command, respond }: SlackCommandMiddlewareArgs): Promise<void> => {
    // First, before any store, Slack or AWS call: Slack shows the user an error after 3 s.
    await ack();
    const reply: Reply = async (message) => {
      const body = typeof message === 'string' ? { text: message } : message;
      try {
        await respond({ response_type: 'ephemeral', ...body });
      } catch (error) {
        throw new BotError(REPLY_UNDELIVERED, 'Slack did not take the reply to /incident.', { cause: error });
      }
    };
    const { first, rest } = splitFirstWord(decodeSlackEntities(command.text ?? ''));
    const name = (first ?? 'help').toLowerCase();
    const subcommand = byName.get(name);
    deps.logger.debug(
      { subcommand: name, userId: command.user_id, channelId: command.channel_id },
      '/incident',
    );
    try {
      if (!subcommand) {
        await reply(buildUnknownCommandText(first ?? '', subcommands));
        return;
      }
      const parsed = subcommand.parse(rest);
      if (!parsed.ok) {
        await reply(buildUsageText(subcommand, parsed.problem));
        return;
      }
      await subcommand.run({
        args: parsed.args,
        deps,
        userId: command.user_id,
        channelId: command.channel_id,
        triggerId: command.trigger_id,
        reply,
      });
    } catch (error) {
      // A response_url that refuses the answer (expired, used five times, not Slack's) cannot be
      // answered through either: whatever the command did stands, and the card shows it.
      if (isBotError(error) && error.code === REPLY_UNDELIVERED) {
        deps.logger.warn(
          { err: error.cause, subcommand: name, userId: command.user_id },
          'could not answer /incident: its response_url refused the reply',
        );
        return;
      }
      await answerFailure(error, reply, deps, name);
    }
  };
}

/**
 * An expected failure (a coded BotError, e.g. Slack refusing views.open) is told to the person in
 * its safe words. Anything else is told as a reference id and thrown on to app.error, which logs it
 * with the same reference, so a report from the user can be found in the logs.
 */
async function answerFailure(error: unknown, reply: Reply, deps: SlackHandlerDeps, subcommand: string) {
  if (isBotError(error) && error.code !== 'INTERNAL.UNEXPECTED') {
    deps.logger.warn({ err: error, code: error.code, subcommand }, '/incident failed');
    await reply(`${error.userMessage} Try the command again.`);
    return;
  }
  const reference = randomUUID().slice(0, 8);
  await reply(
    `Something went wrong inside warroom (reference \`${reference}\`). \`/incident show\` tells whether anything changed.`,
  ).catch((replyError: unknown) =>
    deps.logger.warn({ err: replyError, reference }, 'could not tell the user that /incident failed'),
  );
  throw new BotError('COMMAND.FAILED', 'The /incident command failed.', {
    cause: error,
    detail: `/incident ${subcommand}, reference ${reference}`,
  });
}
