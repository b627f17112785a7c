import type { UiAwsState, UiSnapshot } from '../ui-contract.ts';
import { api } from './api-client.ts';
import { renderDrillStatus } from './drill-panel.ts';
import { escapeHtml } from './html.ts';
import { showToast, type Toast } from './toasts.ts';

const status = (value: string) =>
  `<span class="ws-status ws-status-${escapeHtml(value)}" data-testid="status">${escapeHtml(value)}</span>`;

const clock = (iso: string) => new Date(iso).toISOString().slice(11, 19);

/** A timeline event's eventData is JSON text (warroom writes a string); shown readably. */
function eventText(data: string): string {
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
  } catch {
    return data;
  }
}

function renderAws(aws: UiAwsState): string {
  const incidents = aws.incidents
    .map(
      (record) => `<div class="ws-card" data-testid="aws-incident">
  <div class="ws-card-title">${escapeHtml(record.title)}</div>
  <div>${status(record.status)} impact ${record.impact} · <span class="ws-muted">${clock(record.created)}</span></div>
  <ol class="ws-timeline">${record.timeline.map((event) => `<li><span class="ws-muted">${clock(event.time)} ${escapeHtml(event.type)}</span> ${escapeHtml(eventText(event.data))}</li>`).join('')}</ol>
</div>`,
    )
    .join('');
  const executions = aws.executions
    .map(
      (execution) => `<div class="ws-card" data-testid="aws-execution">
  <div class="ws-card-title">${escapeHtml(execution.document)}</div>
  <div>${status(execution.status)} <span class="ws-muted">${escapeHtml(execution.id.slice(0, 8))} · ${clock(execution.started)}</span></div>
  <ol class="ws-steps">${execution.steps.map((step) => `<li>${escapeHtml(step.name)} ${status(step.status)}</li>`).join('')}</ol>
  ${execution.failureMessage ? `<div class="ws-field-error">${escapeHtml(execution.failureMessage)}</div>` : ''}
</div>`,
    )
    .join('');
  const databases = aws.databases
    .map(
      (db) => `<div class="ws-card" data-testid="aws-database">
  <div class="ws-card-title">${db.kind === 'cluster' ? '🗄' : '🛢'} ${escapeHtml(db.id)}</div>
  <div>${status(db.status)} <span class="ws-muted">${escapeHtml(db.engine)} · ${escapeHtml(db.detail)}</span></div>
</div>`,
    )
    .join('');
  return `<h2>Incident Manager</h2>${incidents || '<div class="ws-muted">No incident records.</div>'}
<h2>SSM Automation</h2>${executions || '<div class="ws-muted">No executions.</div>'}
<h2>RDS</h2>${databases || '<div class="ws-muted">No databases.</div>'}`;
}

/** The drill under way (or the last one), scenarios to fire or drill, and the emulated AWS account. */
export function renderSidePanel(snapshot: UiSnapshot): string {
  const scenarios = snapshot.scenarios
    .map((scenario) => {
      const running = snapshot.runningScenarios.includes(scenario.id);
      return `<div class="ws-card" data-testid="scenario:${escapeHtml(scenario.id)}">
  <div class="ws-card-title">${escapeHtml(scenario.title)}</div>
  <div class="ws-muted">${escapeHtml(scenario.description)}</div>
  <button type="button" class="ws-fire" data-fire="${escapeHtml(scenario.id)}" data-testid="fire:${escapeHtml(scenario.id)}"${running ? ' disabled' : ''}>${running ? 'Publishing…' : 'Fire'}</button>
  <button type="button" class="ws-fire ws-start-drill" data-start-drill="${escapeHtml(scenario.id)}" data-testid="start-drill:${escapeHtml(scenario.id)}">Start drill</button>
</div>`;
    })
    .join('');
  const notices = snapshot.notices
    .map((notice) => `<div class="ws-card ws-field-error">${escapeHtml(notice)}</div>`)
    .join('');
  return `${renderDrillStatus(snapshot.drill)}<h2>Scenarios</h2>${scenarios}${notices}${renderAws(snapshot.aws)}`;
}

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
