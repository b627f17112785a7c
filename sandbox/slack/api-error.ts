import type { JsonObject } from './types.ts';

/**
 * A Web API failure: answered with HTTP 200 and `{ ok: false, error, ...extra }`, as Slack does.
 * Method handlers throw it; the router turns it into the response.
 */
export class SlackApiError extends Error {
  readonly error: string;
  readonly extra: JsonObject;

  constructor(error: string, extra: JsonObject = {}) {
    super(error);
    this.name = 'SlackApiError';
    this.error = error;
    this.extra = extra;
  }

  toBody(): JsonObject {
    return { ok: false, error: this.error, ...this.extra };
  }
}

/** `invalid_arguments` with Slack's `[ERROR] …` lines in response_metadata.messages. */
export function invalidArguments(reasons: string[]): SlackApiError {
  return new SlackApiError('invalid_arguments', {
    response_metadata: { messages: reasons.map((reason) => `[ERROR] ${reason}`) },
  });
}

/** `invalid_blocks` with both `errors` and response_metadata.messages, as chat.postMessage answers. */
export function invalidBlocks(reasons: string[]): SlackApiError {
  return new SlackApiError('invalid_blocks', {
    errors: reasons,
    response_metadata: { messages: reasons.map((reason) => `[ERROR] ${reason}`) },
  });
}
