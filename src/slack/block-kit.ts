import type { types } from '@slack/bolt';

/** Slack's own Block Kit types, re-exported so builders are checked by the compiler. */
export type KnownBlock = types.KnownBlock;
export type Button = types.Button;
export type MrkdwnElement = types.MrkdwnElement;
export type Overflow = types.Overflow;
