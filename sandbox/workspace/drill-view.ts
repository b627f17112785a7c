import type { Scenario } from '../../src/drill/index.ts';
import { type Debrief, expectationLabel, scoreDebrief, scoreText } from '../../src/drill/index.ts';
import { incidentId } from '../../src/incidents/index.ts';
import type { DrillStatus } from '../drill/drill-session.ts';
import type { Pace } from '../scenarios/run-scenario.ts';
import type { UiBriefing, UiDebrief, UiDrill } from './ui-contract.ts';

/** The briefing as the page shows it: the same situation, roles and checklist the channel gets. */
export function briefingView(scenario: Scenario): UiBriefing {
  return {
    scenarioId: scenario.id,
    title: scenario.title,
    description: scenario.description,
    situation: scenario.briefing.situation,
    roles: scenario.briefing.roles.map((role) => ({ role: role.role, tasks: [...role.tasks] })),
    checklist: scenario.expect.map(expectationLabel),
  };
}

/** `real time`, `10× faster`, `fast`: a pace in a person's words. */
export function paceLabel(pace: Pace): string {
  if (pace === 'realtime' || pace === 1) return 'real time';
  if (pace === 'fast') return 'fast';
  const times = 1 / pace;
  return times >= 1 ? `${Number(times.toFixed(1))}× faster` : `${Number(pace.toFixed(1))}× slower`;
}

const iso = (date: Date | undefined) => date?.toISOString();

/** The debrief evaluated by the drill (the same one printed and posted), laid out for the page. */
export function debriefView(debrief: Debrief): UiDebrief {
  return {
    score: scoreText(scoreDebrief(debrief)),
    items: debrief.items.map((item) => ({ ...item })),
    incidents: debrief.incidents.map(({ incident, executions, notes }) => ({
      id: incidentId(incident.seq),
      about: incident.resource?.id ?? incident.title,
      status: incident.status,
      openedAt: incident.openedAt.toISOString(),
      ...(incident.acknowledgedAt ? { acknowledgedAt: iso(incident.acknowledgedAt) } : {}),
      ...(incident.acknowledgedBy ? { acknowledgedBy: incident.acknowledgedBy } : {}),
      impact: incident.impact,
      impactSetByPerson: incident.impactSetBy === 'person',
      notes,
      runbooks: executions.map((run) => `${run.runbookId} (${run.status})`),
      ...(incident.resolvedAt ? { resolvedAt: iso(incident.resolvedAt) } : {}),
      ...(incident.resolvedBy ? { resolvedBy: incident.resolvedBy } : {}),
      ...(incident.summary ? { summary: incident.summary } : {}),
    })),
  };
}

/** The drill's state for the page: briefing, clock, steps published, and the debrief once there. */
export function drillView(status: DrillStatus): UiDrill {
  return {
    briefing: briefingView(status.scenario),
    pace: paceLabel(status.pace),
    startedAt: status.startedAt.toISOString(),
    ...(status.endedAt ? { endedAt: status.endedAt.toISOString() } : {}),
    phase: status.phase,
    published: status.published,
    total: status.total,
    stopped: status.stopped,
    ...(status.debrief ? { debrief: debriefView(status.debrief) } : {}),
  };
}
