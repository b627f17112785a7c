import type { StormFigures } from './storm-figures.ts';

export interface BurstOutcome {
  databases: number;
  /** The storm rule's threshold (storms.threshold as configured). */
  stormThreshold: number;
  /** Whether the inbox emptied and every card caught up before the deadline. */
  settled: boolean;
  refused: number;
  lost: number;
  failed: number;
  slack429s: number;
  figures: StormFigures;
}

/**
 * What the burst must show, each broken rule in words: nothing lost, every incident visible, one
 * incident per database, and, once enough databases alarm together for the storm rule, exactly
 * one storm holding all of them with exactly one card. Slack must never have answered 429.
 */
export function checkBurst(outcome: BurstOutcome): string[] {
  const { databases, figures } = outcome;
  const problems: string[] = [];
  if (!outcome.settled) problems.push('the inbox did not empty or the cards did not catch up in time');
  if (outcome.refused > 0) problems.push(`${outcome.refused} notifications were refused`);
  if (outcome.lost !== 0) problems.push(`${outcome.lost} accepted notifications were lost`);
  if (outcome.failed > 0) problems.push(`${outcome.failed} notifications failed to process`);
  if (figures.invisible.length > 0)
    problems.push(`not visible in the alert channel: ${figures.invisible.join(', ')}`);
  if (outcome.slack429s > 0) problems.push(`Slack answered 429 ${outcome.slack429s} times`);
  const storm = databases >= outcome.stormThreshold;
  const expectedIncidents = storm ? databases + 1 : databases;
  if (figures.incidents !== expectedIncidents)
    problems.push(
      `expected ${expectedIncidents} incidents (one per database${storm ? ' and the storm' : ''}), found ${figures.incidents}`,
    );
  if (storm) {
    if (figures.storms !== 1) problems.push(`expected exactly 1 storm, found ${figures.storms}`);
    if (figures.stormCards !== 1)
      problems.push(`expected exactly 1 storm card, ${figures.stormCards} were posted`);
    if (figures.members !== databases)
      problems.push(`expected all ${databases} databases in the storm, ${figures.members} are`);
  } else {
    if (figures.storms !== 0) problems.push(`expected no storm below the threshold, found ${figures.storms}`);
    if (figures.singleCards !== databases)
      problems.push(`expected one card per database (${databases}), ${figures.singleCards} were posted`);
  }
  return problems;
}
