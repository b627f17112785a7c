import type { KnownBlock } from '../slack/block-kit.ts';
import { escapeMrkdwn, truncate } from '../slack/mrkdwn.ts';
import { linesToSections } from '../slack/section-lines.ts';
import type { Debrief, DebriefOutcome } from './debrief.ts';
import { expectationLabel, scoreDebrief, scoreText } from './debrief.ts';
import type { Scenario } from './scenarios/scenario-schema.ts';

/** Scenario files write bold the Markdown way (`**Acknowledge**`); Slack's mrkdwn uses one star. */
function fromMarkdown(text: string): string {
  return escapeMrkdwn(text).replace(/\*\*([^*]+)\*\*/g, '*$1*');
}

const OUTCOME_MARKS: Record<DebriefOutcome, string> = { met: '✓', missed: '✗', ask: '❔' };

export interface DrillMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * The first message of a drill in the channel: the situation, each role with what they do in
 * warroom, and what good looks like. (The DRILL marking is added on the way out, like every
 * message of a drill.)
 */
export function buildDrillBriefing(scenario: Scenario): DrillMessage {
  const { briefing } = scenario;
  const roles = briefing.roles.map(
    (role) =>
      `*${escapeMrkdwn(role.role)}*\n${role.tasks.map((task) => `• ${fromMarkdown(task)}`).join('\n')}`,
  );
  const checklist = scenario.expect.map((expectation) => `☐ ${fromMarkdown(expectationLabel(expectation))}`);
  return {
    text: `Briefing · ${scenario.title}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(`Briefing · ${scenario.title}`, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: truncate(fromMarkdown(briefing.situation), 3000) } },
      ...linesToSections(['*Roles*', ...roles]),
      ...linesToSections(['*What good looks like*', ...checklist]),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Alerts follow as AWS would send them. Work them from the cards and `/incident`; a debrief follows at the end.',
          },
        ],
      },
    ],
  };
}

/**
 * The debrief names people by their Slack ids ("acknowledged after 2 min by U012AB3CD"); in Slack
 * they read as mentions. An id has a digit, so words such as UTC are left alone.
 */
function mentionUserIds(text: string): string {
  return text.replace(/\b([UW](?=[A-Z0-9]*\d)[A-Z0-9]{5,})\b/g, '<@$1>');
}

/** The last message of a drill: the checklist with what warroom recorded for each item. */
export function buildDrillDebrief(scenario: Scenario, debrief: Debrief): DrillMessage {
  const lines = debrief.items.map(
    (item) =>
      `${OUTCOME_MARKS[item.outcome]} *${fromMarkdown(item.label)}* — ${mentionUserIds(escapeMrkdwn(item.detail))}`,
  );
  const scored = scoreDebrief(debrief);
  const score = scoreText(scored);
  const legend = scored.toAsk > 0 ? ' (❔ = for the team to answer)' : '';
  return {
    text: `Debrief · ${scenario.title}: ${score}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(`Debrief · ${scenario.title}`, 150) } },
      ...linesToSections([`*${score}*${legend}`, ...lines]),
    ],
  };
}
