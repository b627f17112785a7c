import type { Clock } from '../clock.ts';
import type { PermissionAction } from '../config/config.ts';
import type { Logger } from '../logger.ts';
import type { Denial, Permissions } from '../permissions/index.ts';
import type { SlackMessage } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import { captureMessage, messageDedupeKey } from './capture-message.ts';
import type { Incident, SlackActor, TimelineEntry } from './incident.ts';

/** Adding a message to a timeline is triage work, like a note. */
export const CAPTURE_PERMISSION: PermissionAction = 'triage';

/** What the use case needs from Slack (the SlackGateway in production). */
export interface SlackMessageReader {
  readMessage(channel: string, ts: string): Promise<SlackMessage | undefined>;
  permalink(channel: string, ts: string): Promise<string>;
}

export interface TimelineCaptureDeps {
  store: Store;
  permissions: Permissions;
  slack: SlackMessageReader;
  clock: Clock;
  logger: Logger;
  /** After an entry was added (e.g. to write Incident Manager without waiting for the retry timer). */
  onCaptured?: (incident: Incident) => void;
}

export type CaptureOutcome =
  | { kind: 'added'; incident: Incident; entry: TimelineEntry; message: SlackMessage }
  | { kind: 'duplicate'; incident: Incident; message: SlackMessage }
  | { kind: 'denied'; incident: Incident; denial: Denial; message: SlackMessage }
  /** Neither in an incident's own channel nor in the thread of an incident card. */
  | { kind: 'not-incident' }
  /** The message could not be found (deleted before it was read). */
  | { kind: 'message-gone' };

/**
 * Keeps a Slack message on an incident's timeline, whichever door it came by: a 📌 reaction
 * (which names only channel and ts, so the message is read back) or the "Add to incident
 * timeline" shortcut (which carries the message). The incident is the one whose own channel
 * this is, else the one whose card heads the message's thread. Each message is added once.
 */
export class TimelineCapture {
  constructor(private readonly deps: TimelineCaptureDeps) {}

  async captureReaction(channel: string, ts: string, actor: SlackActor): Promise<CaptureOutcome> {
    const message = await this.deps.slack.readMessage(channel, ts);
    if (!message) {
      const own = await this.deps.store.findIncidentByChannel(channel);
      return own ? { kind: 'message-gone' } : { kind: 'not-incident' };
    }
    return this.capture(channel, message, actor);
  }

  async capture(channel: string, message: SlackMessage, actor: SlackActor): Promise<CaptureOutcome> {
    const incident = await this.incidentFor(channel, message);
    if (!incident) return { kind: 'not-incident' };
    const denial = await this.deps.permissions.refusal(CAPTURE_PERMISSION, actor.userId, incident);
    if (denial) {
      this.deps.logger.warn(
        {
          userId: actor.userId,
          permission: CAPTURE_PERMISSION,
          action: 'capture-message',
          seq: incident.seq,
        },
        'permission refused',
      );
      return { kind: 'denied', incident, denial, message };
    }
    const dedupeKey = messageDedupeKey(channel, message.ts);
    // Saves the permalink call for the common repeat (a second 📌, a Slack retry); the store
    // still decides atomically if two arrive at once.
    const timeline = await this.deps.store.listTimeline(incident.seq);
    if (timeline.some((entry) => entry.dedupeKey === dedupeKey))
      return { kind: 'duplicate', incident, message };
    const permalink = await this.deps.slack.permalink(channel, message.ts);
    const now = this.deps.clock.now();
    const outcome = await this.deps.store.mutateIncident(
      incident.seq,
      now,
      (current) =>
        captureMessage(
          current,
          { channel, ts: message.ts, author: message.user, text: message.text, permalink },
          actor,
          now,
        ),
      dedupeKey,
    );
    switch (outcome.kind) {
      case 'changed':
        this.deps.onCaptured?.(outcome.incident);
        return { kind: 'added', incident: outcome.incident, entry: outcome.entry, message };
      case 'duplicate':
      case 'unchanged':
        return { kind: 'duplicate', incident: outcome.incident, message };
      case 'not-found':
        return { kind: 'not-incident' };
    }
  }

  /** The incident whose own channel this is, else the one whose card the message replies to. */
  private async incidentFor(channel: string, message: SlackMessage): Promise<Incident | undefined> {
    const own = await this.deps.store.findIncidentByChannel(channel);
    if (own) return own;
    if (!message.threadTs || message.threadTs === message.ts) return undefined;
    return this.deps.store.findIncidentByCard(channel, message.threadTs);
  }
}
