import type { UiSnapshot } from '../ui-contract.ts';
import { api } from './api-client.ts';
import { showToast, type Toast } from './toasts.ts';

/** "Scenario fired" toasts, each kept until its scenario has published every step. */
const firedToasts = new Map<string, { toast: Toast; armed: boolean }>();

/** Takes down the toast of each scenario that has finished (called with every new snapshot). */
export function settleScenarioToasts(snapshot: UiSnapshot): void {
  for (const [id, fired] of firedToasts) {
    if (!fired.armed || snapshot.runningScenarios.includes(id)) continue;
    fired.toast.dismiss();
    firedToasts.delete(id);
  }
}

export interface SidePanelHost {
  /** Fetches a snapshot taken after this moment and draws it. */
  refresh(): Promise<void>;
  snapshot(): UiSnapshot | undefined;
}

export function wireSidePanel(root: HTMLElement, host: SidePanelHost): void {
  root.addEventListener('click', (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-fire]') : null;
    if (!button?.dataset['fire']) return;
    // Shown at once; the next snapshot says whether it is still publishing.
    button.disabled = true;
    button.textContent = 'Publishing…';
    const id = button.dataset['fire'];
    void api.fireScenario(id).then(async (result) => {
      button.disabled = false;
      if (!result.ok) {
        showToast(result.message ?? 'It could not be fired.');
        return;
      }
      firedToasts.get(id)?.toast.dismiss();
      const fired = {
        toast: showToast('Scenario fired: AWS publishes to SNS…', { sticky: true }),
        armed: false,
      };
      firedToasts.set(id, fired);
      // Only a snapshot taken after the fire was answered can say the scenario has finished.
      await host.refresh();
      fired.armed = true;
      const latest = host.snapshot();
      if (latest) settleScenarioToasts(latest);
    });
  });
}
