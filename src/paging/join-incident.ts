import type { Clock } from '../clock.ts';
import type { Incident } from '../incidents/index.ts';
import { annotation, homeChannelOf, incidentId } from '../incidents/index.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';

export interface JoinDeps {
  store: Pick<Store, 'getIncident' | 'getCard' | 'mutateIncident'>;
  slack: Pick<SlackGateway, 'inviteToChannel' | 'postMessage'>;
  clock: Clock;
  alertChannel: string;
}

export type JoinOutcome =
  | { kind: 'joined'; incident: Incident }
  | { kind: 'already'; incident: Incident }
  | { kind: 'resolved'; incident: Incident }
  | { kind: 'not-found' };

/**
 * Someone asked to help joins: invited to the incident's channel when it has one, recorded on the
 * timeline (once per person), and said in the card's thread so the people on it know who came.
 * Slack refusing the invite throws (the clicker is told), before anything is recorded.
 */
export async function joinIncident(deps: JoinDeps, seq: number, userId: string): Promise<JoinOutcome> {
  const incident = await deps.store.getIncident(seq);
  if (!incident) return { kind: 'not-found' };
  if (incident.status === 'resolved') return { kind: 'resolved', incident };
  if (incident.channelId) await deps.slack.inviteToChannel(incident.channelId, [userId]);
  const now = deps.clock.now();
  const where = incident.channelId ? ` (invited to <#${incident.channelId}>)` : '';
  const outcome = await deps.store.mutateIncident(
    seq,
    now,
    annotation(now, userId, `joined to help${where}`),
    `join:${seq}:${userId}`,
  );
  if (outcome.kind === 'not-found' || outcome.kind === 'unchanged') return { kind: 'not-found' };
  if (outcome.kind === 'duplicate') return { kind: 'already', incident };
  const channel = homeChannelOf(incident, deps.alertChannel);
  const card = await deps.store.getCard(seq, channel);
  if (card?.ts) {
    await deps.slack.postMessage({
      channel,
      threadTs: card.ts,
      text: `:raising_hand: <@${userId}> joined ${incidentId(seq)} to help.`,
    });
  }
  return { kind: 'joined', incident: outcome.incident };
}

/** The answer to the person who clicked Join. */
export function joinReplyText(outcome: JoinOutcome): string {
  if (outcome.kind === 'not-found') return 'That incident does not exist.';
  const id = incidentId(outcome.incident.seq);
  if (outcome.kind === 'resolved') return `${id} is resolved already; nobody needs to join it.`;
  const where = outcome.incident.channelId
    ? `you are in <#${outcome.incident.channelId}> now`
    : "follow and post in its card's thread";
  return outcome.kind === 'already' ? `You joined ${id} already: ${where}.` : `You joined ${id}: ${where}.`;
}
