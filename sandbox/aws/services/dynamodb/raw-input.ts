/**
 * The request's JSON body as sent, attached to the decoded input under a symbol (neither validated
 * nor logged). dynalite reads DynamoDB's wire JSON (binary values as base64 text), so the handlers
 * hand it the body as sent once the model validation has passed, rather than the decoded input.
 */
const RAW_INPUT = Symbol('dynamodb raw input');

export function attachRawInput(input: Record<string, unknown>, raw: unknown): void {
  Object.defineProperty(input, RAW_INPUT, { value: raw });
}

export function rawInput(input: Record<string, unknown>): Record<string, unknown> {
  const raw = (input as { [RAW_INPUT]?: Record<string, unknown> })[RAW_INPUT];
  if (!raw) throw new Error('DynamoDB request without its raw body: the service protocol must attach it');
  return raw;
}
