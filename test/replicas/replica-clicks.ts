import type { SlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { ACTION_IDS, CARD_METADATA_EVENT_TYPE } from '../../src/slack/ids.ts';
import { cardClickPayload, viewSubmissionPayload } from '../handlers/actions/slack-interactions.ts';
import { sendInteraction } from '../support/slack-requests.ts';
import { ALERT_CHANNEL } from '../support/warroom-harness.ts';

/** INC-<seq>'s card as the alert channel holds it now. */
function cardOf(slack: SlackEmulator, seq: number) {
  const card = slack
    .messages(ALERT_CHANNEL)
    .find(
      (message) =>
        message.metadata?.event_type === CARD_METADATA_EVENT_TYPE &&
        message.metadata.event_payload['incident_seq'] === seq,
    );
  if (!card) throw new Error(`no card for INC-${seq}`);
  return card;
}

/** Clicks a button of INC-<seq>'s card, signed as Slack sends it, to the replica at `url`. */
export function clickCard(
  slack: SlackEmulator,
  url: string,
  seq: number,
  userId: string,
  action: keyof typeof ACTION_IDS,
) {
  const payload = cardClickPayload({
    card: cardOf(slack, seq),
    userId,
    actionId: ACTION_IDS[action],
    responseUrl: slack.issueResponseUrl(userId, ALERT_CHANNEL),
    triggerId: slack.issueTriggerId(userId),
  });
  return sendInteraction(url, payload);
}

/** Clicks Run runbook on INC-<seq>'s card and answers the modal the local Slack then shows `userId`. */
export async function openRunbookModal(
  slack: SlackEmulator,
  url: string,
  seq: number,
  userId: string,
): Promise<Record<string, unknown>> {
  const answer = await clickCard(slack, url, seq, userId, 'runRunbook');
  if (answer.status !== 200) throw new Error(`Run runbook answered ${answer.status}`);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const view = slack.views(userId).find((candidate) => candidate.type === 'modal');
    if (view) return view as unknown as Record<string, unknown>;
    if (Date.now() > deadline) throw new Error(`${userId} has no modal open`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Submits the modal as it stands, to the replica at `url`. */
export function submitView(url: string, view: Record<string, unknown>, userId: string) {
  return sendInteraction(url, viewSubmissionPayload({ view, userId, values: {} }));
}
