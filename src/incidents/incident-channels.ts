import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import { type Incident, incidentId } from './incident.ts';
import { incidentChannelName } from './incident-channel-name.ts';

export interface IncidentChannelsDeps {
  store: Store;
  slack: SlackGateway;
  clock: Clock;
  logger: Logger;
  isPrivate: boolean;
  /** The channel exists (or could not be made): the cards follow. */
  onChanged: (seq: number) => void;
}

/** Plain words for what went wrong, shown on the card: a channel that was not made is never silent. */
function explain(error: unknown, name: string, isPrivate: boolean): string {
  const code = isBotError(error) ? error.code : 'SLACK.ERROR';
  switch (code) {
    case 'SLACK.NAME_TAKEN':
      return `the channel name #${name} is taken (also with a suffix); create or pick a channel by hand`;
    case 'SLACK.MISSING_SCOPE':
      return `warroom lacks the ${isPrivate ? 'groups:write' : 'channels:manage'} scope; reinstall the app from manifest.yml`;
    case 'SLACK.RESTRICTED_ACTION':
      return 'this workspace does not let apps create channels';
    default:
      return `Slack refused to create #${name} (${code.replace('SLACK.', '').toLowerCase()})`;
  }
}

/**
 * Incident channels (`slack.incidentChannels: true`): a channel per serious incident, named from date,
 * id and title within Slack's 80 characters, public or private as configured, with the people who
 * acted invited. Its card is kept in sync like the alert channel's, and that card links to it.
 */
export class IncidentChannels {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: IncidentChannelsDeps) {}

  /** Starts opening a channel in the background; failures end up on the card, not here. */
  request(incident: Incident, invite: string[]): void {
    const task = this.open(incident, invite).catch((error: unknown) =>
      this.deps.logger.error({ err: error, incidentSeq: incident.seq }, 'incident channel failed'),
    );
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  /** Invites in the background (someone acted on the incident). */
  requestInvite(channelId: string, userIds: string[]): void {
    const task = this.invite(channelId, userIds);
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  async open(incident: Incident, invite: string[]): Promise<void> {
    if (incident.channelId) return;
    const { store, slack, clock, logger, isPrivate } = this.deps;
    const name = incidentChannelName(incident);
    let created: { id: string; name: string } | undefined;
    let failure: unknown;
    for (const candidate of [name, incidentChannelName(incident, '2')]) {
      try {
        created = await slack.createChannel(candidate, isPrivate);
        break;
      } catch (error) {
        failure = error;
        if (!(isBotError(error) && error.code === 'SLACK.NAME_TAKEN')) break;
      }
    }
    const now = clock.now();
    if (!created) {
      const reason = explain(failure, name, isPrivate);
      logger.error({ err: failure, incidentSeq: incident.seq }, `incident channel not created: ${reason}`);
      await store.mutateIncident(incident.seq, now, (current) => ({
        kind: 'changed',
        incident: { ...current, channelError: reason, updatedAt: now, version: current.version + 1 },
        entry: {
          at: now,
          kind: 'annotation',
          actor: 'warroom',
          text: `could not create an incident channel: ${reason}`,
        },
      }));
      this.deps.onChanged(incident.seq);
      return;
    }
    const channel = created;
    await store.mutateIncident(incident.seq, now, (current) => ({
      kind: 'changed',
      incident: {
        ...current,
        channelId: channel.id,
        channelError: undefined,
        updatedAt: now,
        version: current.version + 1,
      },
      entry: {
        at: now,
        kind: 'annotation',
        actor: 'warroom',
        text: `opened the incident channel #${channel.name}`,
      },
    }));
    logger.info(
      { incidentSeq: incident.seq, channel: channel.name },
      `opened the channel for ${incidentId(incident.seq)}`,
    );
    await this.invite(channel.id, invite);
    this.deps.onChanged(incident.seq);
  }

  /** Brings someone who acted into the incident channel; a failure is logged, the action stands. */
  async invite(channelId: string, userIds: string[]): Promise<void> {
    try {
      await this.deps.slack.inviteToChannel(channelId, [...new Set(userIds)]);
    } catch (error) {
      this.deps.logger.warn({ err: error, channelId }, 'could not invite people to the incident channel');
    }
  }
}
