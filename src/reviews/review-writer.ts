import type { Clock } from '../clock.ts';
import { toBotError } from '../errors.ts';
import type { PeopleNames } from '../incident-manager/index.ts';
import { findHomeCard, type Incident, type IncidentReview, incidentId } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { ReviewPlace, ReviewRecord } from '../store/review-store.ts';
import type { Store } from '../store/store.ts';
import { gatherReview } from './gather-review.ts';
import { deliverReview, type ReviewDocument, redeliverReview } from './review-delivery.ts';
import { buildReviewDraft, reviewTitle } from './review-draft.ts';
import type { ReviewFollowUp } from './review-input.ts';
import { buildCompletedReviewMessage, buildReviewThreadMessage } from './review-messages.ts';

/** A claim older than this, never delivered, was left by a replica that died while creating it. */
const CLAIM_TAKEOVER_MS = 5 * 60_000;

export interface ReviewWriterDeps {
  store: Store;
  slack: SlackGateway;
  clock: Clock;
  logger: Logger;
  names: PeopleNames;
  alertChannel: string;
  defaultRegion: string;
  /** This replica, as named in the review's claim. */
  replicaId: string;
  /** The incident changed (its card shows the review): re-render it and write Incident Manager. */
  onChanged: (seq: number) => void;
  /** The incident's follow-ups, when the follow-up capability is wired. */
  followUps?: (seq: number) => Promise<ReviewFollowUp[]>;
}

export type ReviewOutcome =
  | { kind: 'created' | 'regenerated'; place: ReviewPlace }
  | { kind: 'complete'; record: ReviewRecord }
  /** Another request (or replica) is creating it right now. */
  | { kind: 'busy' }
  | { kind: 'not-resolved'; incident: Incident }
  | { kind: 'not-found' };

export type CompleteOutcome =
  | { kind: 'completed'; record: ReviewRecord }
  | { kind: 'already'; record: ReviewRecord }
  | { kind: 'no-review' };

/**
 * The post-incident review's life: drafted once (a claim, so two resolves or clicks across replicas
 * make one), regenerated from the record on request, frozen when someone marks it complete. The
 * incident carries where it is (the card shows it; Incident Manager gets it as a related item and a
 * timeline event through the outbox).
 */
export class ReviewWriter {
  constructor(private readonly deps: ReviewWriterDeps) {}

  /** Creates the review, or regenerates it while it is a draft. */
  async write(seq: number): Promise<ReviewOutcome> {
    const { store, clock } = this.deps;
    const incident = await store.getIncident(seq);
    if (!incident) return { kind: 'not-found' };
    if (incident.status !== 'resolved') return { kind: 'not-resolved', incident };
    const record = await store.reviews.get(seq);
    if (record?.status === 'complete') return { kind: 'complete', record };
    const now = clock.now();
    if (record?.place) {
      const place = await redeliverReview(this.deps.slack, record.place, await this.document(incident));
      if (!(await store.reviews.recordGenerated(seq, now))) {
        const done = await store.reviews.get(seq);
        if (done) return { kind: 'complete', record: done };
      }
      if (place.id !== record.place.id) await store.reviews.recordDelivered(seq, place, now);
      return { kind: 'regenerated', place };
    }
    const stale = new Date(now.getTime() - CLAIM_TAKEOVER_MS);
    if (!(await store.reviews.claim(seq, this.deps.replicaId, now, stale))) return { kind: 'busy' };
    const doc = await this.document(incident);
    const delivered = await deliverReview(this.deps.slack, doc);
    const place = await this.postThreadMessage(seq, delivered, doc.home);
    await store.reviews.recordDelivered(seq, place, now);
    await this.markIncident(
      seq,
      { kind: place.kind, url: place.url ?? '' },
      `review:${seq}:drafted`,
      'drafted the post-incident review',
    );
    return { kind: 'created', place };
  }

  /**
   * Drafts the review after a resolve, in the background. A failure is told in the card's thread
   * (never silent), with the command that tries again.
   */
  async writeAfterResolve(seq: number): Promise<void> {
    try {
      const outcome = await this.write(seq);
      this.deps.logger.info(
        { incidentSeq: seq, outcome: outcome.kind },
        'post-incident review after resolve',
      );
    } catch (error) {
      const coded = toBotError(error);
      this.deps.logger.warn({ err: error, incidentSeq: seq, code: coded.code }, 'could not draft the review');
      const { channel, card } = await findHomeCard(this.deps.store, seq, this.deps.alertChannel);
      await this.deps.slack
        .postMessage({
          channel,
          threadTs: card?.ts,
          text: `⚠️ Could not draft the post-incident review of ${incidentId(seq)}: ${coded.userMessage} \`/incident review ${incidentId(seq)}\` tries again.`,
        })
        .catch((postError: unknown) =>
          this.deps.logger.warn({ err: postError, incidentSeq: seq }, 'could not tell the thread'),
        );
    }
  }

  /** Freezes the review: no more regeneration; the card and the thread message say who completed it. */
  async complete(seq: number, userId: string): Promise<CompleteOutcome> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const done = await store.reviews.complete(seq, userId, now);
    const record = await store.reviews.get(seq);
    if (!record?.place) return { kind: 'no-review' };
    if (!done) return { kind: 'already', record };
    const { place } = record;
    if (place.threadTs) {
      const message = buildCompletedReviewMessage(seq, place, userId);
      await this.deps.slack
        .updateMessage({ channel: place.channel, ts: place.threadTs, ...message })
        .catch((error: unknown) =>
          this.deps.logger.warn({ err: error, incidentSeq: seq }, 'could not update the review message'),
        );
    }
    await this.markIncident(
      seq,
      { kind: place.kind, url: place.url ?? '', completedBy: userId, completedAt: now },
      `review:${seq}:complete`,
      'marked the post-incident review complete',
    );
    return { kind: 'completed', record };
  }

  /** The thread message with the link and Mark review complete; a file's link is that message. */
  private async postThreadMessage(
    seq: number,
    delivered: Omit<ReviewPlace, 'threadTs'>,
    home: ReviewDocument['home'],
  ): Promise<ReviewPlace> {
    const { slack } = this.deps;
    const message = buildReviewThreadMessage(seq, delivered);
    const { ts } = await slack.postMessage({ channel: home.channel, threadTs: home.threadTs, ...message });
    const url = delivered.url ?? (await slack.permalink(home.channel, ts));
    return { ...delivered, url, threadTs: ts, channel: home.channel };
  }

  private async markIncident(
    seq: number,
    review: IncidentReview,
    dedupeKey: string,
    what: string,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const actor = review.completedBy ?? 'warroom';
    const outcome = await this.deps.store.mutateIncident(
      seq,
      now,
      (current) => ({
        kind: 'changed',
        incident: { ...current, review, updatedAt: now, version: current.version + 1 },
        entry: { at: now, kind: 'annotation', actor, text: `${what}: ${review.url}` },
      }),
      dedupeKey,
    );
    if (outcome.kind === 'changed') this.deps.onChanged(seq);
  }

  private async document(incident: Incident): Promise<ReviewDocument> {
    const { store, slack, alertChannel } = this.deps;
    const { channel, card } = await findHomeCard(store, incident.seq, alertChannel);
    const cardUrl = card?.ts ? await slack.permalink(channel, card.ts).catch(() => undefined) : undefined;
    const gathered = await gatherReview(this.deps, incident, cardUrl);
    return {
      seq: incident.seq,
      title: reviewTitle(incident.seq, incident.title),
      canvasMarkdown: buildReviewDraft({ ...gathered, naming: { format: 'canvas', names: new Map() } }),
      fileMarkdown: async () =>
        buildReviewDraft({ ...gathered, naming: { format: 'file', names: await gathered.names() } }),
      incidentChannel: incident.channelId,
      home: { channel, threadTs: card?.ts },
    };
  }
}
