import type { Clock } from '../clock.ts';
import type { Incident } from '../incidents/index.ts';
import { annotation } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import { PAGE_DM_METADATA_EVENT_TYPE, THREAD_METADATA_EVENT_TYPES } from '../slack/ids.ts';
import { postOrFind } from '../slack/post-or-find.ts';
import { postThreadReplyOnce } from '../slack/post-thread-reply-once.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import type { ContactDirectory, ResolvedContact } from './contact-directory.ts';
import type { Engagements } from './engagements.ts';
import type { OnCallResolver } from './on-call-resolver.ts';
import { buildPageDm, buildPageThreadText, type PageReason } from './page-message.ts';
import { mentionOf, type NotifyTarget } from './policy.ts';

/** How far back a page's DM is looked for in the DM's history (a retried stage comes within this). */
const DM_LOOKBACK_MS = 24 * 60 * 60_000;

export interface PagerDeps {
  store: Pick<Store, 'getIncident' | 'getCard' | 'mutateIncident' | 'pageDms'>;
  slack: Pick<
    SlackGateway,
    | 'postMessage'
    | 'updateMessage'
    | 'openDm'
    | 'usergroupUsers'
    | 'findReplyByMetadata'
    | 'findMessageByMetadata'
  >;
  onCall: OnCallResolver;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  /** `contact:` targets: SSM Contacts lookups and engagements (absent: such targets page nobody). */
  contacts?: { directory: ContactDirectory; engagements: Engagements };
  /** A page is on the timeline: Incident Manager's timeline follows. */
  onTimeline?: () => void;
}

export type PageOutcome =
  | {
      kind: 'paged';
      incident: Incident;
      mentioned: string[];
      users: string[];
      nobody: string[];
      /** `contact:` targets SSM Contacts does not know (or could not be asked about). */
      unknownContacts: string[];
    }
  /** The same request (dedupe key) paged before: nothing sent again. */
  | { kind: 'duplicate' }
  /** The card is not in Slack yet: the thread to ping in does not exist. */
  | { kind: 'no-card' }
  | { kind: 'not-found' };

interface Resolved {
  mentioned: string[];
  users: string[];
  nobody: string[];
  /** Rotations whose on-call could not be read, with why in plain words. */
  failed: { rotation: string; reason: string }[];
  contacts: ResolvedContact[];
  unknownContacts: string[];
}

/**
 * Pings people about an incident, for an escalation stage or by hand: one mention in the card's
 * thread, and a DM to each person (user-group members included) with Acknowledge / Take it. The
 * page is written to the timeline first, keyed by `dedupeKey`; a stage retried after a crash pings
 * again (`resend`), a repeated manual request does not. Each mention and DM carries the page's key
 * as message metadata: when Slack's answer to the post is lost, and before a resend, warroom looks
 * for it (the thread's replies, the DM's history: im:history) instead of posting it twice.
 */
export class Pager {
  constructor(private readonly deps: PagerDeps) {}

  async page(
    seq: number,
    targets: readonly NotifyTarget[],
    reason: PageReason,
    dedupeKey: string,
    options: {
      resend?: boolean;
      /**
       * Names this page's messages (their metadata), to find them after a lost answer or before a
       * resend; default `dedupeKey`. An escalation stage fires again after a reopen under the same
       * dedupe key, so it adds its due time.
       */
      messageKey?: string;
    } = {},
  ): Promise<PageOutcome> {
    const { store, clock, alertChannel } = this.deps;
    const card = await store.getCard(seq, alertChannel);
    if (!card?.ts) return (await store.getIncident(seq)) ? { kind: 'no-card' } : { kind: 'not-found' };
    const now = clock.now();
    const resolved = await this.resolve(targets, now);
    const who = resolved.mentioned.map(mentionOf).join(', ') || 'nobody';
    const why = reason.kind === 'stage' ? ` (escalation \`${reason.policy}\` stage ${reason.index + 1})` : '';
    const outcome = await store.mutateIncident(
      seq,
      now,
      annotation(now, reason.kind === 'manual' ? reason.by : 'warroom', `paged ${who}${why}`),
      dedupeKey,
    );
    if (outcome.kind === 'not-found') return outcome;
    if (outcome.kind === 'unchanged') return { kind: 'not-found' };
    if (outcome.kind === 'duplicate' && !options.resend) return { kind: 'duplicate' };
    this.deps.onTimeline?.();
    const incident = outcome.incident;
    const mention = {
      channel: alertChannel,
      threadTs: card.ts,
      text: buildPageThreadText(incident, resolved.mentioned, reason, {
        nobody: resolved.nobody,
        failed: resolved.failed,
        unknownContacts: resolved.unknownContacts,
      }),
    };
    const messageKey = options.messageKey ?? dedupeKey;
    const key = { eventType: THREAD_METADATA_EVENT_TYPES.page, id: messageKey };
    if (options.resend) await postThreadReplyOnce(this.deps.slack, mention, key);
    else {
      const metadata = { event_type: key.eventType, event_payload: { id: messageKey } };
      await postOrFind(this.deps.slack, { ...mention, metadata }, () =>
        this.deps.slack.findReplyByMetadata(
          alertChannel,
          card.ts as string,
          key.eventType,
          (p) => p['id'] === messageKey,
        ),
      );
    }
    for (const user of resolved.users) {
      await this.directMessage(user, incident, reason, messageKey, options.resend ?? false);
    }
    await this.deps.contacts?.engagements.engage(incident, resolved.contacts, dedupeKey);
    const { contacts: _engaged, failed: _failed, ...people } = resolved;
    return { kind: 'paged', incident, ...people };
  }

  /** Rotations become whoever is on call now; groups are mentioned as groups and DM'd per member. */
  private async resolve(targets: readonly NotifyTarget[], now: Date): Promise<Resolved> {
    const resolved: Resolved = {
      mentioned: [],
      users: [],
      nobody: [],
      failed: [],
      contacts: [],
      unknownContacts: [],
    };
    for (const target of new Set(targets)) {
      if (target.startsWith('rotation:')) {
        const rotation = target.slice('rotation:'.length);
        const { userId: user, failure } = await this.deps.onCall.currentFor(rotation, now);
        if (failure) resolved.failed.push({ rotation, reason: failure });
        else if (!user) resolved.nobody.push(rotation);
        else {
          resolved.mentioned.push(user);
          resolved.users.push(user);
        }
      } else if (target.startsWith('contact:')) {
        // The contact is engaged in SSM Contacts; its Slack user (same email) is mentioned and DM'd.
        const found = await this.deps.contacts?.directory.resolve(target);
        if (!found?.contact) resolved.unknownContacts.push(target);
        else {
          resolved.contacts.push(found);
          resolved.mentioned.push(found.slackUser ?? target);
          if (found.slackUser) resolved.users.push(found.slackUser);
        }
      } else if (target.startsWith('S')) {
        resolved.mentioned.push(target);
        resolved.users.push(...(await this.groupMembers(target)));
      } else {
        resolved.mentioned.push(target);
        resolved.users.push(target);
      }
    }
    return { ...resolved, mentioned: [...new Set(resolved.mentioned)], users: [...new Set(resolved.users)] };
  }

  private async groupMembers(groupId: string): Promise<string[]> {
    try {
      return await this.deps.slack.usergroupUsers(groupId);
    } catch (error) {
      this.deps.logger.warn({ err: error, groupId }, 'could not list a user group to DM its members');
      return [];
    }
  }

  /**
   * After a change: every DM this incident's pages sent that shows an older version is redrawn, so
   * a paged person sees who acknowledged or resolved it rather than buttons that no longer apply.
   */
  async refreshDms(incident: Incident): Promise<void> {
    const behind = await this.deps.store.pageDms.listBehind(incident.seq, incident.version);
    for (const dm of behind) {
      try {
        await this.deps.slack.updateMessage({
          channel: dm.channel,
          ts: dm.ts,
          ...buildPageDm(incident, dm.reason),
        });
        await this.deps.store.pageDms.markRendered(dm.channel, dm.ts, incident.version);
      } catch (error) {
        this.deps.logger.warn(
          { err: error, seq: incident.seq, channel: dm.channel },
          'could not update a page DM',
        );
      }
    }
  }

  /**
   * One person's DM failing (deactivated, DMs closed) does not stop the others. The DM is looked
   * for by its metadata before a resend and after a lost answer; not found after a lost answer, it
   * is posted once more (a page that never arrives is worse than one that might arrive twice).
   */
  private async directMessage(
    user: string,
    incident: Incident,
    reason: PageReason,
    messageKey: string,
    resend: boolean,
  ): Promise<void> {
    try {
      const { slack, clock } = this.deps;
      const channel = await slack.openDm(user);
      const find = () =>
        slack.findMessageByMetadata(
          channel,
          new Date(clock.now().getTime() - DM_LOOKBACK_MS),
          PAGE_DM_METADATA_EVENT_TYPE,
          (payload) => payload['id'] === messageKey,
        );
      const earlier = resend ? await find() : undefined;
      const metadata = { event_type: PAGE_DM_METADATA_EVENT_TYPE, event_payload: { id: messageKey } };
      const ts =
        earlier ??
        (
          await postOrFind(slack, { channel, ...buildPageDm(incident, reason), metadata }, find, {
            postAgain: true,
          })
        ).ts;
      // Recording twice is harmless (one row per message); a DM found after a crash gets its row here.
      await this.deps.store.pageDms.record({
        channel,
        ts,
        seq: incident.seq,
        reason,
        renderedVersion: incident.version,
      });
    } catch (error) {
      this.deps.logger.warn({ err: error, user, seq: incident.seq }, 'could not send a page by DM');
    }
  }
}
