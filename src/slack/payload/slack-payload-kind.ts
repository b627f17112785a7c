/** What Bolt takes a body to be; `unknown` is a body Bolt would drop without acknowledging. */
export type SlackPayloadKind = 'event' | 'command' | 'options' | 'action' | 'shortcut' | 'view' | 'unknown';

/**
 * Sorts a body exactly as Bolt's App#processEvent does (helpers.getTypeAndConversation), in the same
 * order: a body with both `event` and `actions` is an event to Bolt, so it is checked as one here.
 * Checking a body as anything other than what Bolt will take it for would let a crash through.
 */
export function kindOfSlackBody(body: Record<string, unknown>): SlackPayloadKind {
  if (body['event'] !== undefined) return 'event';
  if (body['command'] !== undefined) return 'command';
  if (body['name'] !== undefined || body['type'] === 'block_suggestion') return 'options';
  if (body['actions'] !== undefined || body['type'] === 'dialog_submission') return 'action';
  if (body['type'] === 'shortcut' || body['type'] === 'message_action') return 'shortcut';
  if (body['type'] === 'view_submission' || body['type'] === 'view_closed') return 'view';
  return 'unknown';
}
