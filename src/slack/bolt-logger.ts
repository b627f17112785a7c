import { LogLevel } from '@slack/bolt';
import type { Logger } from '../logger.ts';

/** Bolt's logger interface over pino, so Bolt's lines are JSON and redacted like ours. */
export function toBoltLogger(logger: Logger) {
  const child = logger.child({ component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  const format = (parts: unknown[]) =>
    parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => child.debug(format(parts)),
    info: (...parts: unknown[]) => child.info(format(parts)),
    warn: (...parts: unknown[]) => child.warn(format(parts)),
    error: (...parts: unknown[]) => child.error(format(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
