import type { Accounts } from '../accounts/index.ts';
import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import type { Incident } from '../incidents/index.ts';
import { annotation, findHomeCard } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { runForIncident } from '../slack/call-priority.ts';
import { PAGE_DM_METADATA_EVENT_TYPE, THREAD_METADATA_EVENT_TYPES } from '../slack/ids.ts';
import { postOrFind } from '../slack/post-or-find.ts';
import { postThreadReplyOnce } from '../slack/post-thread-reply-once.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import type { ContactDirectory } from './contact-directory.ts';
import type { Engagements } from './engagements.ts';
import type { OnCallResolver } from './on-call-resolver.ts';
import { buildPageDm } from './page-dm.ts';
import { dmFailureReason, type PageFailure, pageFailureEntry, pageFailuresText } from './page-failures.ts';
import { buildPageThreadText, type PageReason, pageEntryText } from './page-message.ts';
import type { NotifyTarget } from './policy.ts';
import { resolvePageTargets } from './resolve-page-targets.ts';
import { findStormStageDm } from './storm-page-dms.ts';

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
    | 'userExists'
    | 'findReplyByMetadata'
    | 'findMessageByMetadata'
  >;
  onCall: OnCallResolver;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  /** `accounts:`: DMs name the account instead of its id. */
  accounts?: Accounts;
  /** `contact:` targets: SSM Contacts lookups and engagements (absent: such targets page nobody). */
  contacts?: { directory: ContactDirectory; engagements: Engagements };
  /** Failed pages, counted by reason (`warroom_pages_failed_total`). */
  metrics?: Pick<Metrics, 'pagesFailed' | 'pagesDelivered'>;
  /** A page is on the timeline: Incident Manager's timeline follows. */
  onTimeline?: () => void;
}

export type PageOutcome =
  | {
      kind: 'paged';
      incident: Incident;
      /** Targets mentioned in the thread (users, groups, contacts' Slack users). */
      mentioned: string[];
      /** Targets the page did not reach, and why: said to the asker, in the thread and on the timeline. */
      failures: PageFailure[];
    }
  /** The same request (dedupe key) paged before: nothing sent again. */
  | { kind: 'duplicate' }
  /** Nobody is paged about a resolved incident (it is reopened first). */
  | { kind: 'resolved' }
  /** The card is not in Slack yet: the thread to ping in does not exist. */
  | { kind: 'no-card' }
  | { kind: 'not-found' };

export interface PageOptions {
  resend?: boolean;
  /**
   * Names this page's messages (their metadata), to find them after a lost answer or before a
   * resend; default `dedupeKey`. An escalation stage fires again after a reopen under the same
   * dedupe key, so it adds its due time.
   */
  messageKey?: string;
}

/**
 * Pings people about an incident, for an escalation stage or by hand: one mention in the card's
 * thread, and a DM to each person (user-group members included) with Acknowledge / Take it. The
 * page is written to the timeline first, keyed by `dedupeKey`; a stage retried after a crash pings
 * again (`resend`), a repeated manual request does not. Each mention and DM carries the page's key
 * as message metadata: when Slack's answer to the post is lost, and before a resend, warroom looks
 * for it (the thread's replies, the DM's history: im:history) instead of posting it twice.
 *
 * A page is only said to be sent to whom Slack (or SSM Contacts) accepted it: a target that
 * reaches nobody is a failure, recorded on the timeline, said in the thread and counted by reason.
 */
export class Pager {
  constructor(private readonly deps: PagerDeps) {}

  async page(
    seq: number,
    targets: readonly NotifyTarget[],
    reason: PageReason,
    dedupeKey: string,
    options: PageOptions = {},
  ): Promise<PageOutcome> {
    const incident = await this.deps.store.getIncident(seq);
    const send = () => this.send(seq, targets, reason, dedupeKey, options);
    // Under Slack's limits, the worse incident's page goes out first.
    return incident ? runForIncident(incident, send) : send();
  }

  private async send(
    seq: number,
    targets: readonly NotifyTarget[],
    reason: PageReason,
    dedupeKey: string,
    options: PageOptions,
  ): Promise<PageOutcome> {
    const { store, clock, alertChannel } = this.deps;
    const { channel, card } = await findHomeCard(store, seq, alertChannel);
    if (!card?.ts) return (await store.getIncident(seq)) ? { kind: 'no-card' } : { kind: 'not-found' };
    if ((await store.getIncident(seq))?.status === 'resolved') return { kind: 'resolved' };
    const now = clock.now();
    const resolved = await resolvePageTargets(
      { ...this.deps, directory: this.deps.contacts?.directory },
      targets,
      now,
    );
    const actor = reason.kind === 'manual' ? reason.by : 'warroom';
    const outcome = await store.mutateIncident(
      seq,
      now,
      annotation(now, actor, pageEntryText(resolved.mentioned, resolved.failures, reason)),
      dedupeKey,
    );
    if (outcome.kind === 'not-found') return outcome;
    if (outcome.kind === 'unchanged') return { kind: 'not-found' };
    if (outcome.kind === 'duplicate' && !options.resend) return { kind: 'duplicate' };
    this.deps.onTimeline?.();
    const incident = outcome.incident;
    const messageKey = options.messageKey ?? dedupeKey;
    await this.postInThread(
      channel,
      card.ts,
      buildPageThreadText(incident, resolved.mentioned, reason, resolved.failures, now),
      messageKey,
      options.resend ?? false,
    );
    const late: PageFailure[] = [];
    for (const user of resolved.users) {
      const failure = await this.directMessage(user, incident, reason, messageKey, options.resend ?? false);
      if (failure) late.push(failure);
      else this.deps.metrics?.pagesDelivered.inc({ via: 'dm' });
    }
    late.push(
      ...((await this.deps.contacts?.engagements.engage(incident, resolved.contacts, dedupeKey)) ?? []),
    );
    if (late.length > 0)
      await this.tellLateFailures(channel, card.ts, incident, late, actor, dedupeKey, messageKey);
    const failures = [...resolved.failures, ...late];
    for (const failure of failures) this.deps.metrics?.pagesFailed.inc({ reason: failure.reason });
    const lateTargets = new Set(late.map((failure) => failure.target));
    const mentioned = resolved.mentioned.filter((target) => !lateTargets.has(target));
    return { kind: 'paged', incident, mentioned, failures };
  }

  /** The thread mention (or, when nobody could be paged, the reasons), posted once. */
  private async postInThread(
    channel: string,
    threadTs: string,
    text: string,
    messageKey: string,
    resend: boolean,
  ) {
    const { slack } = this.deps;
    const mention = { channel, threadTs, text };
    const key = { eventType: THREAD_METADATA_EVENT_TYPES.page, id: messageKey };
    if (resend) {
      await postThreadReplyOnce(slack, mention, key);
      return;
    }
    const metadata = { event_type: key.eventType, event_payload: { id: messageKey } };
    await postOrFind(slack, { ...mention, metadata }, () =>
      slack.findReplyByMetadata(channel, threadTs, key.eventType, (p) => p['id'] === messageKey),
    );
  }

  /** DMs or engagements that failed after the page was posted: on the timeline and in the thread. */
  private async tellLateFailures(
    channel: string,
    threadTs: string,
    incident: Incident,
    late: readonly PageFailure[],
    actor: string,
    dedupeKey: string,
    messageKey: string,
  ): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.mutateIncident(
      incident.seq,
      now,
      annotation(now, actor, late.map(pageFailureEntry).join('; ')),
      `${dedupeKey}:undelivered`,
    );
    this.deps.onTimeline?.();
    await postThreadReplyOnce(
      this.deps.slack,
      { channel, threadTs, text: `:warning: ${pageFailuresText(late)}` },
      { eventType: THREAD_METADATA_EVENT_TYPES.page, id: `${messageKey}:undelivered` },
    );
  }

  /**
   * A member joined a storm: the DMs its pages sent now show the storm ("INC-1 is now part of storm
   * INC-6", with the storm's buttons), and follow the storm from then on.
   */
  async moveDmsToStorm(member: Incident): Promise<void> {
    if (member.stormSeq === undefined) return;
    if ((await this.deps.store.pageDms.moveToStorm(member.seq, member.stormSeq)) === 0) return;
    const storm = await this.deps.store.getIncident(member.stormSeq);
    if (storm) await this.refreshDms(storm);
  }

  /**
   * After a change: every DM this incident's pages sent that shows an older version is redrawn, so
   * a paged person sees who acknowledged or resolved it rather than buttons that no longer apply.
   */
  async refreshDms(incident: Incident): Promise<void> {
    await runForIncident(incident, () => this.redrawDms(incident));
  }

  private async redrawDms(incident: Incident): Promise<void> {
    const behind = await this.deps.store.pageDms.listBehind(incident.seq, incident.version);
    for (const dm of behind) {
      try {
        await this.deps.slack.updateMessage({
          channel: dm.channel,
          ts: dm.ts,
          ...buildPageDm(incident, dm.reason, this.deps.clock.now(), dm.memberSeq, this.deps.accounts),
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
   * One person's DM failing (deactivated, DMs closed) does not stop the others: it is returned. The DM is looked
   * for by its metadata before a resend and after a lost answer; not found after a lost answer, it
   * is posted once more (a page that never arrives is worse than one that might arrive twice).
   */
  private async directMessage(
    user: string,
    incident: Incident,
    reason: PageReason,
    messageKey: string,
    resend: boolean,
  ): Promise<PageFailure | undefined> {
    try {
      const { slack, clock } = this.deps;
      const channel = await slack.openDm(user);
      // Paged at this stage by a member before the storm formed: that DM now shows the storm.
      if (await findStormStageDm(this.deps.store.pageDms, incident, channel, reason)) {
        await this.refreshDms(incident);
        return undefined;
      }
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
          await postOrFind(
            slack,
            {
              channel,
              ...buildPageDm(incident, reason, clock.now(), undefined, this.deps.accounts),
              metadata,
            },
            find,
            {
              postAgain: true,
            },
          )
        ).ts;
      // Recording twice is harmless (one row per message); a DM found after a crash gets its row here.
      await this.deps.store.pageDms.record({
        channel,
        ts,
        seq: incident.seq,
        reason,
        renderedVersion: incident.version,
      });
      return undefined;
    } catch (error) {
      this.deps.logger.warn({ err: error, user, seq: incident.seq }, 'could not send a page by DM');
      const code = error instanceof BotError ? error.code : undefined;
      const detail = code?.startsWith('SLACK.') ? code.slice('SLACK.'.length).toLowerCase() : undefined;
      return { target: user, reason: dmFailureReason(code), detail };
    }
  }
}
