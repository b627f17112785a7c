import { incidentId } from '../incidents/index.ts';
import {
  type Debrief,
  type DebriefOutcome,
  type DrillIncident,
  expectationLabel,
  scoreDebrief,
  scoreText,
} from './debrief.ts';
import type { Scenario } from './scenarios/scenario-schema.ts';

/** A terminal shows no bold nor code: the words without their stars and backticks. */
const plain = (text: string) => text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');

const rule = (title: string) => `\n═══ ${title} ${'═'.repeat(Math.max(3, 74 - title.length))}\n`;

const OUTCOME_MARKS: Record<DebriefOutcome, string> = { met: '✓', missed: '✗', ask: '?' };

/** The briefing as printed at the start of a drill: situation, roles and tasks, what good looks like. */
export function briefingText(scenario: Scenario): string {
  const roles = scenario.briefing.roles.flatMap((role) => [
    `  ${role.role}`,
    ...role.tasks.map((task) => `    • ${plain(task)}`),
  ]);
  const checklist = scenario.expect.map((expectation) => `  ☐ ${plain(expectationLabel(expectation))}`);
  return [
    rule(`DRILL BRIEFING · ${scenario.title}`),
    scenario.description,
    '',
    plain(scenario.briefing.situation),
    '',
    'Roles',
    ...roles,
    '',
    'What good looks like',
    ...checklist,
    '',
  ].join('\n');
}

/** `14:05`, 24-hour in the terminal's own zone: how the cards and the workspace say times. */
function timeOf(date: Date | undefined): string {
  if (!date) return '—';
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function incidentLine({ incident, executions, notes }: DrillIncident): string {
  const runbooks = executions.length
    ? executions.map((run) => `${run.runbookId} (${run.status})`).join(', ')
    : 'none';
  const resolved =
    incident.status === 'resolved'
      ? `resolved ${timeOf(incident.resolvedAt)}${incident.summary ? ` “${incident.summary}”` : ''}`
      : `still ${incident.status}`;
  return [
    `  ${incidentId(incident.seq)} ${incident.resource?.id ?? incident.title}`,
    `opened ${timeOf(incident.openedAt)}`,
    `acknowledged ${incident.acknowledgedAt ? `${timeOf(incident.acknowledgedAt)} by ${incident.acknowledgedBy ?? '?'}` : '—'}`,
    `impact ${incident.impact}${incident.impactSetBy === 'person' ? ' (set by a person)' : ''}`,
    `notes ${notes}`,
    `runbooks ${runbooks}`,
    resolved,
  ].join(' · ');
}

/** The debrief printed at the end: the checklist with what happened, then each incident. */
export function debriefText(scenario: Scenario, debrief: Debrief): string {
  const score = scoreDebrief(debrief);
  const incidents = debrief.incidents.slice(0, 30).map(incidentLine);
  if (debrief.incidents.length > 30) incidents.push(`  … and ${debrief.incidents.length - 30} more`);
  return [
    rule(`DRILL DEBRIEF · ${scenario.title}`),
    `${scoreText(score)}${score.toAsk > 0 ? ' (? = for the team to answer)' : ''}`,
    ...debrief.items.map(
      (item) => `  ${OUTCOME_MARKS[item.outcome]} ${plain(item.label)} — ${plain(item.detail)}`,
    ),
    '',
    'What happened',
    ...(incidents.length ? incidents : ['  no incident was opened']),
    '',
  ].join('\n');
}
