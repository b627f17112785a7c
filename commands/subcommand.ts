import type { SlackHandlerDeps } from '../src/app.ts';
import type { KnownBlock } from '../src/slack/block-kit.ts';
import type { CommandDescription } from '../src/slack/command-help.ts';

/** An ephemeral reply: text alone, or blocks with text as the notification fallback. */
export type CommandReply = string | { text: string; blocks: KnownBlock[] };

/** Everything a subcommand's `run` gets: its parsed arguments, the person, the place, the way back. */
export interface CommandContext<A> {
  args: A;
  deps: SlackHandlerDeps;
  userId: string;
  channelId: string;
  /** Opens a modal within 3 s of the command; also keys idempotency (`cmd:<trigger_id>`). */
  triggerId: string;
  /** Answers through the command's response_url, ephemerally (only the person who typed sees it). */
  reply(message: CommandReply): Promise<void>;
}

export type ParseResult<A> = { ok: true; args: A } | { ok: false; problem?: string };

/**
 * The contract every `/incident` subcommand implements. `parse` validates the text after the
 * subcommand's name with zod and does no I/O, so the router can answer bad input with this
 * subcommand's usage line; `run` does the work after the router has acked.
 */
export interface Subcommand<A> extends CommandDescription {
  name: string;
  parse(text: string): ParseResult<A>;
  // Method syntax on purpose: it lets a Subcommand<{ id?: number }> sit in a list of
  // Subcommand<unknown>, and the router only ever hands `run` what this subcommand's parse returned.
  run(ctx: CommandContext<A>): Promise<void>;
}

export type AnySubcommand = Subcommand<unknown>;
