import type { ParseContext, SnsNotification } from '../../src/intake/index.ts';
import type { Alert } from '../../src/signals/index.ts';

export type { ParseContext };

/**
 * One parser per source. `parse` answers `undefined` when the message is not of its source, an
 * Alert when it is, and throws a BotError `PARSE.INVALID` when the message claims to be of its
 * source but breaks the schema (the dispatcher then posts it raw, with that reason).
 */
export interface NotificationParser {
  readonly source: Alert['source'];
  parse(notification: SnsNotification, context: ParseContext): Promise<Alert | undefined>;
}
