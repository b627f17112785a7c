import type { UiActionResult, UiBriefing, UiDrill, UiSnapshot } from '../ui-contract.ts';
import { briefingHtml, debriefHtml } from './drill-text.ts';
import { escapeHtml } from './format.ts';
import { element } from './html.ts';

/** The drill's two dialogs: the briefing (read before it starts, and again any time) and the debrief. */

interface Dialog {
  root: HTMLElement;
  close(): void;
}

function openDialog(testId: string, title: string, body: string, footer: string): Dialog {
  document.querySelector(`[data-testid="${testId}"]`)?.remove();
  const overlay = element('div', 'ws-overlay', { 'data-testid': testId });
  const dialog = element('div', 'ws-modal ws-drill-modal', { role: 'dialog', 'aria-modal': 'true' });
  dialog.innerHTML = `
    <div class="ws-modal-header"><span>${escapeHtml(title)}</span><button type="button" class="ws-close" data-dialog-close aria-label="Close">×</button></div>
    <div class="ws-modal-body">${body}</div>
    <div class="ws-modal-footer">${footer}</div>`;
  overlay.append(dialog);
  const close = () => overlay.remove();
  overlay.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-dialog-close]')) close();
  });
  document.getElementById('overlays')?.append(overlay);
  return { root: dialog, close };
}

const PACES: Array<{ value: string; label: string }> = [
  { value: 'realtime', label: 'Real time, as it would happen' },
  { value: '0.25', label: '4× faster' },
  { value: '0.1', label: '10× faster' },
  { value: 'fast', label: 'Fast: each alert once warroom handled the last' },
];

const paceOf = (value: string): 'realtime' | 'fast' | number =>
  value === 'realtime' || value === 'fast' ? value : Number(value);

/**
 * The briefing before the drill starts: the team reads it, picks the pace and starts. A refusal
 * (a drill already running, an incident still open) is shown in the dialog, which stays open.
 */
export function showBriefingToStart(
  briefing: UiBriefing,
  start: (pace: 'realtime' | 'fast' | number) => Promise<UiActionResult>,
): void {
  const options = PACES.map(
    (pace) => `<option value="${pace.value}">${escapeHtml(pace.label)}</option>`,
  ).join('');
  const dialog = openDialog(
    'drill-briefing',
    `🧪 Drill briefing · ${briefing.title}`,
    `${briefingHtml(briefing)}<div class="ws-field-error" data-testid="drill-error" hidden></div>`,
    `<label class="ws-drill-pace">Alerts <select data-testid="drill-pace">${options}</select></label>
     <button type="button" class="ws-button" data-dialog-close>Cancel</button>
     <button type="button" class="ws-button ws-button-primary" data-testid="drill-begin">Start drill</button>`,
  );
  const begin = dialog.root.querySelector<HTMLButtonElement>('[data-testid="drill-begin"]');
  const pace = dialog.root.querySelector<HTMLSelectElement>('[data-testid="drill-pace"]');
  const error = dialog.root.querySelector<HTMLElement>('[data-testid="drill-error"]');
  begin?.addEventListener('click', () => {
    begin.disabled = true;
    begin.textContent = 'Posting the briefing…';
    void start(paceOf(pace?.value ?? 'realtime')).then((result) => {
      if (result.ok) {
        // The briefing stays up for the team to read; the alerts are on their way.
        dialog.close();
        showBriefing(briefing);
        return;
      }
      begin.disabled = false;
      begin.textContent = 'Start drill';
      if (error) {
        error.hidden = false;
        error.textContent = result.message ?? 'The drill could not start.';
      }
    });
  });
}

/** The briefing of the drill under way, to read again. */
export function showBriefing(briefing: UiBriefing): void {
  openDialog(
    'drill-briefing',
    `🧪 Drill briefing · ${briefing.title}`,
    `<p class="ws-drill-started">The drill is on: the briefing is in #alerts, the alerts follow there or in the channel their route names.</p>${briefingHtml(briefing)}`,
    `<button type="button" class="ws-button ws-button-primary" data-dialog-close>Got it</button>`,
  );
}

/** The debrief: each checklist item with ✓, ✗ or ❔, and who did what on each incident. */
export function showDebrief(drill: UiDrill, snapshot: UiSnapshot): void {
  if (!drill.debrief) return;
  openDialog(
    'drill-debrief',
    `🧪 Debrief · ${drill.briefing.title}`,
    debriefHtml(drill.debrief, drill, snapshot),
    `<button type="button" class="ws-button ws-button-primary" data-dialog-close>Close</button>`,
  );
}
