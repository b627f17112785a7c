import type { UiSnapshot } from '../ui-contract.ts';
import { api, fetchBriefing } from './api-client.ts';
import { showBriefing, showBriefingToStart, showDebrief } from './drill-dialogs.ts';
import { drillElapsed } from './drill-text.ts';
import { showToast } from './toasts.ts';

/** The drill in the side panel: its clock, its alerts, Stop drill and Debrief; and Start drill. */

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
