import type { Impact } from '../../../src/incidents/impact.ts';
import { CARD_METADATA_EVENT_TYPE } from '../../../src/slack/ids.ts';
import { sendInteraction } from '../../support/slack-requests.ts';
import { ALERT_CHANNEL, type Harness } from '../../support/warroom-harness.ts';
import { type CardSnapshot, cardClickPayload, viewSubmissionPayload } from './slack-interactions.ts';

/**
 * Drives warroom's real Bolt app as Slack would, over signed HTTP: clicks on the card as it is in
 * the local Slack's channel (or an older copy of it, as a stale replica), and modal submissions of
 * the view the local Slack holds for the user. Every click gets its own response_url and trigger.
 */
export function cardClicker(harness: Harness) {
  // Bolt answers Slack at ack() and the listener goes on after the HTTP response. A global
  // middleware around every listener tells the tests when that work is done too.
  let inFlight = 0;
  const waiters: Array<() => void> = [];
  harness.warroom.bolt.use(async ({ next }) => {
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
      if (inFlight === 0) for (const wake of waiters.splice(0)) wake();
    }
  });

  const post = async (payload: object, headers?: Record<string, string>) => {
    const started = performance.now();
    const response = await sendInteraction(harness.warroom.url, payload, headers ? { headers } : undefined);
    const body = await response.text();
    return { status: response.status, body, elapsedMs: performance.now() - started };
  };

  return {
    /** Every listener finished, then warroom settled (card sync, Incident Manager outbox). */
    async settled(): Promise<void> {
      if (inFlight > 0) await new Promise<void>((resolve) => waiters.push(resolve));
      await harness.warroom.settled();
    },

    /** The card of INC-<seq> as the channel holds it now. */
    card(seq: number, channel = ALERT_CHANNEL): CardSnapshot {
      const card = harness.slack
        .messages(channel)
        .find(
          (message) =>
            message.metadata?.event_type === CARD_METADATA_EVENT_TYPE &&
            message.metadata.event_payload['incident_seq'] === seq,
        );
      if (!card) throw new Error(`no card for INC-${seq} in ${channel}`);
      return card;
    },

    async click(card: CardSnapshot, userId: string, actionId: string, options: { impact?: Impact } = {}) {
      const responseUrl = harness.slack.issueResponseUrl(userId, card.channel);
      const payload = cardClickPayload({
        card,
        userId,
        actionId,
        responseUrl,
        triggerId: harness.slack.issueTriggerId(userId),
        ...options,
      });
      return { ...(await post(payload)), payload, responseUrl };
    },

    /** Sends a payload again, e.g. as Slack's retry with x-slack-retry-num. */
    resend: post,

    /** Texts of the replies sent to a click's response_url; every one must be ephemeral and keep the card. */
    replies(responseUrl: string): string[] {
      return harness.slack.responses(responseUrl).map((reply) => {
        if (reply.responseType !== 'ephemeral' || reply.replaceOriginal)
          throw new Error('reply not ephemeral');
        return reply.text ?? '';
      });
    },

    /** The modal the local Slack shows `userId` (opened by views.open). */
    openModal(userId: string): Record<string, unknown> {
      const view = harness.slack.views(userId).find((candidate) => candidate.type === 'modal');
      if (!view) throw new Error(`${userId} has no modal open`);
      return view;
    },

    async submit(
      view: Record<string, unknown>,
      userId: string,
      values: Record<string, Record<string, unknown>>,
    ) {
      return post(viewSubmissionPayload({ view, userId, values }));
    },
  };
}
