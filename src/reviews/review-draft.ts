import { incidentId, utcDateTime } from '../incidents/index.ts';
import type { ReviewInput } from './review-input.ts';
import { escapeMarkdown, link, personText } from './review-markdown.ts';
import {
  awsSection,
  lifecycleSection,
  notesSection,
  peopleSection,
  picturesSection,
  runbookSection,
  summarySection,
  timelineSection,
} from './review-sections.ts';

/** Incident Manager's four post-incident analysis areas, each a question for people to answer. */
export const ANALYSIS_PROMPTS: ReadonlyArray<[string, string]> = [
  ['Detection', 'How and when did we learn of it? Could we have known sooner, or from a better signal?'],
  ['Diagnosis', 'How long did finding the cause take, and what made it hard or easy?'],
  ['Mitigation', 'What ended the impact? What slowed it down, and what would make it faster next time?'],
  ['Prevention', 'What would stop this from happening again, or make it smaller?'],
];

/** Marks the follow-ups section, which the follow-up work fills in. */
export const FOLLOW_UPS_HEADING = '## Follow-ups';

function followUpsSection(input: ReviewInput): string[] {
  const lines = [FOLLOW_UPS_HEADING, ''];
  const followUps = input.followUps ?? [];
  for (const item of followUps) {
    const owner = item.owner ? ` · ${personText(item.owner, input.naming)}` : '';
    const title = item.link ? link(item.title, item.link) : escapeMarkdown(item.title);
    lines.push(`- [${item.status === 'done' ? 'x' : ' '}] ${title}${owner} · ${escapeMarkdown(item.status)}`);
  }
  if (followUps.length === 0)
    lines.push('_No follow-ups yet. Each one agreed in the review belongs here, with an owner._');
  return lines;
}

function analysisSection(): string[] {
  return [
    '## Analysis',
    '',
    '_For the people who worked the incident to write: warroom leaves these to you._',
    ...ANALYSIS_PROMPTS.flatMap(([title, question]) => ['', `### ${title}`, '', `_${question}_`, '', '- ']),
  ];
}

/**
 * The post-incident review as Markdown, written from what warroom kept: the summary and impact, the
 * lifecycle and its durations, who was paged and who responded, what AWS said, the full timeline,
 * runbook runs, metric pictures, notes and updates, the follow-ups, and the four analysis prompts.
 * Pure. With `naming.format` 'canvas', people are canvas mentions (`![](@U…)`); with 'file', names.
 */
export function buildReviewDraft(input: ReviewInput): string {
  const { incident } = input;
  const sections = [
    [
      `# Post-incident review: ${incidentId(incident.seq)} · ${escapeMarkdown(incident.title)}`,
      '',
      `_Drafted by warroom ${utcDateTime(input.generatedAt)} from the incident's record; regenerated on request until the review is marked complete._`,
    ],
    summarySection(input),
    lifecycleSection(input),
    peopleSection(input),
    awsSection(input),
    runbookSection(input),
    picturesSection(input),
    notesSection(input),
    timelineSection(input),
    followUpsSection(input),
    analysisSection(),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** The review's title: the canvas's, and the Markdown file's name without its extension. */
export function reviewTitle(seq: number, title: string): string {
  const full = `Review ${incidentId(seq)}: ${title}`;
  return full.length <= 120 ? full : `${full.slice(0, 119)}…`;
}
