import type { UiDrill } from '../ui-contract.ts';
import { escapeHtml } from './format.ts';

/** The drill's card in the side panel, as HTML: its phase, its clock's place, its alerts, its buttons. */

function phaseText(drill: UiDrill): string {
  const left = drill.total - drill.published;
  switch (drill.phase) {
    case 'publishing':
      return `Alerts arriving at ${escapeHtml(drill.pace)}`;
    case 'waiting':
      return drill.stopped
        ? `Alerts stopped (${left} not sent): the team works the cards`
        : 'All alerts out: the team works the cards';
    case 'debriefing':
      return 'Debriefing…';
    case 'debriefed':
      return drill.debrief ? `Debriefed: ${escapeHtml(drill.debrief.score)}` : 'Debriefed';
  }
}

export function renderDrillStatus(drill: UiDrill | undefined): string {
  if (!drill) return '';
  const over = drill.phase === 'debriefed';
  const left = drill.total - drill.published;
  const buttons = [
    `<button type="button" class="ws-button" data-drill="briefing">Briefing</button>`,
    drill.phase === 'publishing'
      ? `<button type="button" class="ws-button ws-button-danger" data-drill="stop" data-testid="drill-stop">Stop drill</button>`
      : '',
    over
      ? `<button type="button" class="ws-button ws-button-primary" data-drill="show-debrief" data-testid="drill-show-debrief">Show debrief</button>`
      : `<button type="button" class="ws-button ws-button-primary" data-drill="debrief" data-testid="drill-debrief"${drill.phase === 'debriefing' ? ' disabled' : ''}>Debrief</button>`,
  ].join('');
  return `<h2>${over ? 'Last drill' : 'Drill under way'}</h2>
<div class="ws-card ws-drill${over ? '' : ' ws-drill-live'}" data-testid="drill-status" data-phase="${drill.phase}">
  <div class="ws-card-title">🧪 ${escapeHtml(drill.briefing.title)}</div>
  <div data-testid="drill-phase">${phaseText(drill)}</div>
  <div class="ws-muted">Elapsed <span data-drill-elapsed data-started="${escapeHtml(drill.startedAt)}"${drill.endedAt ? ` data-ended="${escapeHtml(drill.endedAt)}"` : ''} data-testid="drill-elapsed"></span>
    · <span data-testid="drill-alerts">${drill.published} of ${drill.total} alert${drill.total === 1 ? '' : 's'} sent${left > 0 ? `, ${left} to come` : ''}</span></div>
  <div class="ws-drill-buttons">${buttons}</div>
</div>`;
}
