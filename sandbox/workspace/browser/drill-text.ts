import type { UiBriefing, UiDebrief, UiDrill, UiDrillIncident, UiSnapshot } from '../ui-contract.ts';
import { clockOf, escapeHtml } from './format.ts';
import { debriefDetailHtml, scenarioHtml } from './markup.ts';
import { renderContextFor } from './render-context.ts';

/** How a drill reads on the page: the briefing, the debrief and the running clock, as HTML. */

/** `0:42`, `12:05`, `1:02:09`. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The time since the drill started, stopped at its debrief. */
export function drillElapsed(drill: Pick<UiDrill, 'startedAt' | 'endedAt'>, now = Date.now()): string {
  const end = drill.endedAt ? Date.parse(drill.endedAt) : now;
  return formatElapsed(end - Date.parse(drill.startedAt));
}

export function briefingHtml(briefing: UiBriefing): string {
  const roles = briefing.roles
    .map(
      (role) => `<div class="ws-drill-role" data-testid="briefing-role">
  <div class="ws-card-title">${escapeHtml(role.role)}</div>
  <ul>${role.tasks.map((task) => `<li>${scenarioHtml(task)}</li>`).join('')}</ul>
</div>`,
    )
    .join('');
  return `<p class="ws-muted">${scenarioHtml(briefing.description)}</p>
<h3>Situation</h3><p data-testid="briefing-situation">${scenarioHtml(briefing.situation)}</p>
<h3>Roles</h3>${roles}
<h3>What good looks like</h3>
<ul class="ws-checklist" data-testid="briefing-checklist">${briefing.checklist.map((item) => `<li>☐ ${scenarioHtml(item)}</li>`).join('')}</ul>`;
}

const MARKS = { met: '✓', missed: '✗', ask: '❔' } as const;

function incidentHtml(incident: UiDrillIncident, snapshot: UiSnapshot): string {
  const ctx = renderContextFor(snapshot, 'debrief');
  const who = (id: string | undefined) => (id ? ` by ${debriefDetailHtml(id, ctx)}` : '');
  const parts = [
    `opened ${clockOf(incident.openedAt)}`,
    incident.acknowledgedAt
      ? `acknowledged ${clockOf(incident.acknowledgedAt)}${who(incident.acknowledgedBy)}`
      : 'not acknowledged',
    `impact ${incident.impact}${incident.impactSetByPerson ? ' (set by a person)' : ''}`,
    `${incident.notes} note${incident.notes === 1 ? '' : 's'}`,
    `runbooks ${incident.runbooks.length ? escapeHtml(incident.runbooks.join(', ')) : 'none'}`,
    incident.status === 'resolved'
      ? `resolved ${clockOf(incident.resolvedAt)}${who(incident.resolvedBy)}${incident.summary ? ` “${escapeHtml(incident.summary)}”` : ''}`
      : `still ${escapeHtml(incident.status)}`,
  ];
  return `<li data-testid="debrief-incident"><strong>${escapeHtml(incident.id)}</strong> ${escapeHtml(incident.about)} · ${parts.join(' · ')}</li>`;
}

export function debriefHtml(debrief: UiDebrief, drill: UiDrill, snapshot: UiSnapshot): string {
  const ctx = renderContextFor(snapshot, 'debrief');
  const items = debrief.items
    .map(
      (item) =>
        `<li class="ws-debrief-${item.outcome}" data-testid="debrief-item" data-outcome="${item.outcome}"><span class="ws-debrief-mark">${MARKS[item.outcome]}</span> <strong>${scenarioHtml(item.label, ctx)}</strong> — ${debriefDetailHtml(item.detail, ctx)}</li>`,
    )
    .join('');
  const incidents = debrief.incidents.map((incident) => incidentHtml(incident, snapshot)).join('');
  return `<p><strong data-testid="debrief-score">${escapeHtml(debrief.score)}</strong> <span class="ws-muted">${debrief.items.some((item) => item.outcome === 'ask') ? '(❔ = for the team to answer) · ' : ''}${drillElapsed(drill)} at ${escapeHtml(drill.pace)}${drill.stopped ? ' · alerts stopped early' : ''}</span></p>
<ul class="ws-debrief" data-testid="debrief-items">${items}</ul>
<h3>What happened</h3>
<ul class="ws-debrief-incidents">${incidents || '<li class="ws-muted">No incident was opened.</li>'}</ul>`;
}
