import type { UiDrill, UiSnapshot } from '../ui-contract.ts';
import { api, fetchBriefing } from './api-client.ts';
import { showBriefing, showBriefingToStart, showDebrief } from './drill-dialogs.ts';
import { drillElapsed } from './drill-text.ts';
import { escapeHtml } from './html.ts';
import { showToast } from './toasts.ts';

/** The drill in the side panel: its clock, its alerts, Stop drill and Debrief; and Start drill. */

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

/** Fills and moves the drill's clock (left out of the panel's HTML, which then changes only with the drill). */
export function tickDrillClock(root: ParentNode): void {
  for (const clock of root.querySelectorAll<HTMLElement>('[data-drill-elapsed]')) {
    const startedAt = clock.dataset['started'] ?? '';
    const endedAt = clock.dataset['ended'];
    clock.textContent = drillElapsed({ startedAt, ...(endedAt ? { endedAt } : {}) });
  }
}

/** Drills this page saw under way: their debrief opens by itself when it arrives. */
const watched = new Set<string>();
const debriefShown = new Set<string>();

/** Opens the debrief once, when a drill this page watched has just been debriefed. */
export function showDebriefWhenReady(snapshot: UiSnapshot): void {
  const drill = snapshot.drill;
  if (!drill) return;
  if (drill.phase !== 'debriefed') {
    watched.add(drill.startedAt);
    return;
  }
  if (!watched.has(drill.startedAt) || debriefShown.has(drill.startedAt)) return;
  debriefShown.add(drill.startedAt);
  showDebrief(drill, snapshot);
}

/** Start drill on a scenario, and the drill card's buttons. */
export function wireDrillControls(root: HTMLElement, snapshot: () => UiSnapshot | undefined): void {
  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const start = target?.closest<HTMLButtonElement>('[data-start-drill]');
    if (start?.dataset['startDrill']) {
      const id = start.dataset['startDrill'];
      void fetchBriefing(id).then(
        (briefing) => showBriefingToStart(briefing, (pace) => api.startDrill(id, pace)),
        (error: unknown) => showToast(`No briefing for ${id}: ${String(error)}`),
      );
      return;
    }
    const button = target?.closest<HTMLButtonElement>('[data-drill]');
    const drill = snapshot()?.drill;
    if (!button || !drill) return;
    const what = button.dataset['drill'];
    if (what === 'briefing') showBriefing(drill.briefing);
    if (what === 'show-debrief') showDebrief(drill, snapshot() as UiSnapshot);
    if (what === 'stop' || what === 'debrief') {
      button.disabled = true;
      const call = what === 'stop' ? api.stopDrill() : api.debriefDrill();
      void call.then((result) => {
        button.disabled = false;
        if (!result.ok) showToast(result.message ?? 'The sandbox did not take that.');
      });
    }
  });
}
