import { mentionOf } from './policy.ts';

/** Why a page reached nobody for one target; also the `reason` label of `warroom_pages_failed_total`. */
export type PageFailureReason =
  | 'unknown-user'
  | 'dm-closed'
  | 'unknown-group'
  | 'empty-group'
  | 'nobody-on-call'
  | 'rotation-unreadable'
  | 'unknown-contact'
  | 'engagement-refused'
  | 'slack-error';

/** One target a page did not reach: what was asked for, and why it failed. */
export interface PageFailure {
  /** The target as asked: a user or group id, `rotation:<name>`, `contact:<alias>`. */
  target: string;
  reason: PageFailureReason;
  /** Slack's or AWS's own words, for the log-minded reader (e.g. `cannot_dm_bot`). */
  detail?: string;
}

/** A Slack error code (`SLACK.CANNOT_DM_BOT`) as the reason a DM failed. */
export function dmFailureReason(code: string | undefined): PageFailureReason {
  switch (code) {
    case 'SLACK.USER_NOT_FOUND':
    case 'SLACK.USERS_NOT_FOUND':
    case 'SLACK.USER_DISABLED':
    case 'SLACK.ACCOUNT_INACTIVE':
      return 'unknown-user';
    case 'SLACK.CANNOT_DM_BOT':
    case 'SLACK.MESSAGES_TAB_DISABLED':
    case 'SLACK.NOT_ALLOWED_TOKEN_TYPE':
      return 'dm-closed';
    default:
      return 'slack-error';
  }
}

function nameOf(target: string): string {
  if (target.startsWith('rotation:')) return `rotation \`${target.slice('rotation:'.length)}\``;
  if (target.startsWith('contact:')) return `contact \`${target.slice('contact:'.length)}\``;
  return mentionOf(target);
}

/** Why, and what to do about it, in words. */
function whyAndWhatToDo(failure: PageFailure): string {
  const detail = failure.detail ? ` (${failure.detail})` : '';
  switch (failure.reason) {
    case 'unknown-user':
      return `Slack has no such active user${detail}; check the id, or page them by @handle`;
    case 'dm-closed':
      return `Slack would not deliver a DM to them${detail}; ask them to allow DMs from warroom, or page someone else`;
    case 'unknown-group':
      return `Slack has no such user group${detail}; check the group's handle`;
    case 'empty-group':
      return 'the user group has no members; add people to it, or page someone else';
    case 'nobody-on-call':
      return 'nobody is on call in it right now; page a person instead';
    case 'rotation-unreadable':
      return `its on-call could not be read${detail}; page a person instead`;
    case 'unknown-contact':
      return "SSM Contacts has no such contact; check the alias or ARN (and warroom's ssm-contacts permissions)";
    case 'engagement-refused':
      return `SSM Contacts refused the engagement${detail}; page them in Slack instead`;
    case 'slack-error':
      return `Slack refused the page${detail}; try again, or page someone else`;
  }
}

/** One line per failed target: "Could not page @x: why; what to do." */
export function pageFailuresText(failures: readonly PageFailure[]): string {
  return failures.map((f) => `Could not page ${nameOf(f.target)}: ${whyAndWhatToDo(f)}.`).join('\n');
}

/** The timeline's short form: "page to <@U0X> failed: unknown-user (user_not_found)". */
export function pageFailureEntry(failure: PageFailure): string {
  const detail = failure.detail ? ` (${failure.detail})` : '';
  return `page to ${nameOf(failure.target)} failed: ${failure.reason}${detail}`;
}
