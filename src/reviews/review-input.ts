import type { Incident, TimelineEntry } from '../incidents/index.ts';
import type { RunbookExecution } from '../runbooks/index.ts';
import type { EngagementRecord } from '../store/engagement-store.ts';
import type { ReviewNaming } from './review-markdown.ts';

/**
 * A follow-up as the review lists it. The follow-ups capability (issue 16, part 4) fills these in;
 * until it does, the review's follow-up section says there are none yet.
 */
export interface ReviewFollowUp {
  title: string;
  /** A Slack user id. */
  owner?: string;
  /** In words: `open`, `done`, OpsCenter's `InProgress`… */
  status: string;
  link?: string;
}

/** Everything the review is written from: gathered by ReviewWriter, turned into Markdown by buildReviewDraft. */
export interface ReviewInput {
  incident: Incident;
  /** Every timeline entry, oldest first. */
  timeline: readonly TimelineEntry[];
  executions: readonly RunbookExecution[];
  engagements: readonly EngagementRecord[];
  followUps?: readonly ReviewFollowUp[];
  naming: ReviewNaming;
  /** For console links where the incident names no Region. */
  defaultRegion: string;
  /** The card in Slack (its thread holds the metric pictures and notes). */
  cardUrl?: string;
  generatedAt: Date;
}
