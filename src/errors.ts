/**
 * Every error warroom raises on purpose carries a namespaced code (`SNS.BAD_SIGNATURE`): a code
 * survives logs and process boundaries where `instanceof` does not. `userMessage` is safe to show
 * a Slack user or an HTTP client; `message` may hold detail for the log only.
 */
export class BotError extends Error {
  readonly code: string;
  readonly userMessage: string;

  constructor(code: string, userMessage: string, options: { cause?: unknown; detail?: string } = {}) {
    super(options.detail ? `${userMessage} (${options.detail})` : userMessage, { cause: options.cause });
    this.name = 'BotError';
    this.code = code;
    this.userMessage = userMessage;
  }
}

export function isBotError(error: unknown): error is BotError {
  return error instanceof Error && typeof (error as BotError).code === 'string' && 'userMessage' in error;
}

/** Wraps anything thrown into a BotError so the final handler always sees a code. */
export function toBotError(error: unknown, code = 'INTERNAL.UNEXPECTED'): BotError {
  if (isBotError(error)) return error;
  return new BotError(code, 'Something went wrong inside warroom.', {
    cause: error,
    detail: error instanceof Error ? error.message : String(error),
  });
}
