import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger.ts';
import type { Metrics } from '../../metrics.ts';
import { buildNoticeModal } from '../notice-modal.ts';
import { checkSlackPayload, type PayloadCheck } from './check-slack-payload.ts';
import type { TellSender } from './tell-sender.ts';

/** Where the guard leaves, in each listener's `context`, whether the payload was acknowledged yet. */
const ACK_STATE_KEY = 'warroomAck';

interface AckState {
  acknowledged: boolean;
}

/**
 * Whether anything acknowledged this payload so far. A global middleware that runs after every
 * listener (`await next()`) and still reads false knows no listener took the payload.
 */
export function wasAcknowledged(context: Record<string, unknown>): boolean {
  const state = context[ACK_STATE_KEY] as AckState | undefined;
  return state?.acknowledged ?? true;
}

export interface PayloadGuard {
  logger: Logger;
  metrics: Pick<Metrics, 'slackPayloadsRefused'>;
  tell: TellSender;
}

/**
 * Bolt's App with a gate at the one door both receivers use (HTTPReceiver and SocketModeReceiver
 * each hand every payload to `app.processEvent`). Each payload is checked against its kind's schema
 * before Bolt reads it: Bolt itself dereferences `user.id`, `channel.id`, `view.…` and `event.…`
 * before any middleware, so a null there was an HTTP 500 or, for a null body, a crash. A payload
 * that fails is acknowledged at once (200), logged as a warning and, where a person is behind it,
 * answered. Whatever Bolt does with a payload that passed, the payload is acknowledged in the end:
 * nothing waits out Slack's 3 seconds and nothing escapes as an unhandled rejection.
 */
export class GuardedApp extends App {
  private readonly guard: PayloadGuard;

  constructor(options: AppOptions, guard: PayloadGuard) {
    super(options);
    this.guard = guard;
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    const state: AckState = { acknowledged: false };
    const ack = async (response?: unknown) => {
      state.acknowledged = true;
      await event.ack(response);
    };
    const check = checkSlackPayload(event.body);
    if (!check.ok) return this.refuse(check, ack);
    try {
      await super.processEvent({
        ...event,
        ack,
        customProperties: { ...event.customProperties, [ACK_STATE_KEY]: state },
      });
    } catch (error) {
      // Only a gap in the schemas gets here: Bolt threw on a payload that passed the check.
      this.guard.logger.error(
        { err: error, type: check.type },
        'Bolt failed on a Slack payload that passed the check',
      );
    }
    if (!state.acknowledged) await this.finalAck(ack, check.type);
  }

  private async refuse(
    check: Extract<PayloadCheck, { ok: false }>,
    ack: (response?: unknown) => Promise<void>,
  ) {
    const { kind, type, problem, sender } = check;
    // By kind, a fixed set: `type` comes from the payload and would make a label per typo.
    this.guard.metrics.slackPayloadsRefused.inc({ kind });
    this.guard.logger.warn(
      { kind, type, problem, userId: sender.userId },
      'refused a Slack payload warroom cannot use',
    );
    const text = `warroom could not read what Slack sent for that (${problem.slice(0, 200)}), so it did nothing. Try again, or use \`/incident\` in the channel.`;
    // A form is answered in the modal itself; a slash command in the ack; the rest by ephemeral.
    if (type === 'view_submission')
      return this.finalAck(() => ack({ response_action: 'update', view: buildNoticeModal(text) }), type);
    if (kind === 'command' && sender.userId)
      return this.finalAck(() => ack({ response_type: 'ephemeral', text }), type);
    await this.finalAck(ack, type);
    await this.guard.tell(sender, text);
  }

  /** An ack after Bolt's own 3 s timer answered the request throws; that is only worth a warning. */
  private async finalAck(ack: () => Promise<void>, type: string): Promise<void> {
    try {
      await ack();
    } catch (error) {
      this.guard.logger.warn({ err: error, type }, 'could not acknowledge a Slack payload');
    }
  }
}
