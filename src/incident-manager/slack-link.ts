import type { Clock } from '../clock.ts';
import { homeChannelOf } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';

/**
 * Puts the Slack card's permalink on the Incident Manager record (a related item), once the card is
 * posted and the incident lives in Incident Manager, whichever happens last.
 */
export class SlackLink {
  constructor(
    private readonly deps: {
      store: Store;
      slack: SlackGateway;
      clock: Clock;
      logger: Logger;
      alertChannel: string;
      onChanged: (seq: number) => void;
    },
  ) {}

  async ensure(seq: number): Promise<void> {
    const { store, slack, clock, logger, alertChannel } = this.deps;
    try {
      const incident = await store.getIncident(seq);
      if (!incident?.incidentManagerArn || incident.slackPermalink) return;
      const card = await store.getCard(seq, homeChannelOf(incident, alertChannel));
      if (!card?.ts) return;
      const permalink = await slack.permalink(card.channel, card.ts);
      if (!permalink) return;
      const now = clock.now();
      const outcome = await store.mutateIncident(
        seq,
        now,
        (current) => ({
          kind: 'changed',
          incident: { ...current, slackPermalink: permalink, updatedAt: now, version: current.version + 1 },
          entry: {
            at: now,
            kind: 'annotation',
            actor: 'warroom',
            text: `linked the Slack card in Incident Manager: ${permalink}`,
          },
        }),
        `slack-link:${seq}`,
      );
      if (outcome.kind === 'changed') this.deps.onChanged(seq);
    } catch (error) {
      logger.warn({ err: error, incidentSeq: seq }, 'could not link the Slack card in Incident Manager');
    }
  }
}
