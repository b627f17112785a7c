/** The reviews capability's public entry: the post-incident review, drafted, delivered and completed. */
export { ANALYSIS_PROMPTS, buildReviewDraft, FOLLOW_UPS_HEADING, reviewTitle } from './review-draft.ts';
export type { ReviewFollowUp, ReviewInput } from './review-input.ts';
export { mentionedIds } from './review-markdown.ts';
export { completeReplyText, reviewReplyText } from './review-replies.ts';
export type { CompleteOutcome, ReviewOutcome, ReviewWriterDeps } from './review-writer.ts';
export { ReviewWriter } from './review-writer.ts';
