import { z } from 'zod';
import { MAX_FOLLOW_UP_TITLE } from '../src/followups/index.ts';
import { splitLeadingId } from './parse-args.ts';
import { unquoteWhole } from './split-arguments.ts';

export interface FollowUpArgs {
  id: number | undefined;
  title: string;
  /** Slack user id of the owner named with a trailing @mention. */
  owner?: string;
  /**
   * The owner named by a trailing `@name`, to look up in Slack: the app's manifest has Slack send
   * command text unescaped, so a person picked in the composer arrives as `@alice`, not `<@U…>`.
   */
  ownerName?: string;
  /** The due date as typed (checked against today when run: parse does no I/O and has no clock). */
  dueText?: string;
}

/** A trailing due date: YYYY-MM-DD (even an impossible one: it is refused in words), today, tomorrow, in 3d / in 2w. */
const TRAILING_DUE = /\s+(\d{4}-\d{1,2}-\d{1,2}|today|tomorrow|in\s+\d+\s*[a-z]+)$/i;
/** A trailing Slack mention, as Slack sends it (`<@U0BOB>` or `<@U0BOB|bob>`). */
const TRAILING_OWNER = /\s+<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
/** A trailing `@name`, as Slack sends a mention when it does not escape command text. */
const TRAILING_OWNER_NAME = /\s+@([\p{L}\p{N}][\p{L}\p{N}._-]*)$/u;

/**
 * Splits `[id] <text> [@owner] [due]`: the owner and due date are read off the end, in either
 * order, so a title may mention people elsewhere. "in 3 days" is typed `in 3d`.
 */
function splitFollowUp(text: string): FollowUpArgs {
  const { id, rest } = splitLeadingId(text);
  let body = ` ${rest.trim()}`;
  let owner: string | undefined;
  let ownerName: string | undefined;
  let dueText: string | undefined;
  for (let pass = 0; pass < 2; pass++) {
    const due = dueText === undefined ? TRAILING_DUE.exec(body) : null;
    if (due) {
      dueText = due[1];
      body = body.slice(0, due.index);
      continue;
    }
    if (owner !== undefined || ownerName !== undefined) continue;
    const mention = TRAILING_OWNER.exec(body);
    const named = mention ? null : TRAILING_OWNER_NAME.exec(body);
    if (mention) owner = mention[1];
    if (named) ownerName = `@${named[1]}`;
    const found = mention ?? named;
    if (found) body = body.slice(0, found.index);
  }
  return {
    id,
    title: unquoteWhole(body.trim()),
    ...(owner ? { owner } : {}),
    ...(ownerName ? { ownerName } : {}),
    ...(dueText ? { dueText } : {}),
  };
}

export const followUpArgs = z
  .string()
  .transform(splitFollowUp)
  .refine((args) => args.title.length > 0, { message: 'Write what needs doing after the id.' })
  .refine((args) => args.title.length <= MAX_FOLLOW_UP_TITLE, {
    message: `A follow-up can be at most ${MAX_FOLLOW_UP_TITLE} characters; put the detail in the incident's notes.`,
  });
