import type { RenderContext } from '../blocks/index.ts';
import type { UiAwsState, UiSnapshot } from '../ui-contract.ts';
import { renderDrillStatus } from './drill-status-html.ts';
import { clockOf, escapeHtml } from './format.ts';
import { eventHtml, scenarioHtml } from './markup.ts';
import { renderContextFor } from './render-context.ts';

const status = (value: string) =>
  `<span class="ws-status ws-status-${escapeHtml(value)}" data-testid="status">${escapeHtml(value)}</span>`;

/** A timeline event's eventData is JSON text (warroom writes a string); shown readably. */
function eventText(data: string): string {
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
  } catch {
    return data;
  }
}

function renderAws(aws: UiAwsState, ctx: RenderContext): string {
  const incidents = aws.incidents
    .map(
      (record) => `<div class="ws-card" data-testid="aws-incident">
  <div class="ws-card-title">${escapeHtml(record.title)}</div>
  <div>${status(record.status)} impact ${record.impact} · <span class="ws-muted">${clockOf(record.created)}</span></div>
  <ol class="ws-timeline">${record.timeline.map((event) => `<li><span class="ws-muted">${clockOf(event.time)} ${escapeHtml(event.type)}</span> ${eventHtml(eventText(event.data), ctx)}</li>`).join('')}</ol>
</div>`,
    )
    .join('');
  const executions = aws.executions
    .map(
      (execution) => `<div class="ws-card" data-testid="aws-execution">
  <div class="ws-card-title">${escapeHtml(execution.document)}</div>
  <div>${status(execution.status)} <span class="ws-muted">${escapeHtml(execution.id.slice(0, 8))} · ${clockOf(execution.started)}</span></div>
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
  const ctx = renderContextFor(snapshot, 'side');
  const scenarios = snapshot.scenarios
    .map((scenario) => {
      const running = snapshot.runningScenarios.includes(scenario.id);
      return `<div class="ws-card" data-testid="scenario:${escapeHtml(scenario.id)}">
  <div class="ws-card-title">${escapeHtml(scenario.title)}</div>
  <div class="ws-muted">${scenarioHtml(scenario.description, ctx)}</div>
  <button type="button" class="ws-fire" data-fire="${escapeHtml(scenario.id)}" data-testid="fire:${escapeHtml(scenario.id)}"${running ? ' disabled' : ''}>${running ? 'Publishing…' : 'Fire'}</button>
  <button type="button" class="ws-fire ws-start-drill" data-start-drill="${escapeHtml(scenario.id)}" data-testid="start-drill:${escapeHtml(scenario.id)}">Start drill</button>
</div>`;
    })
    .join('');
  const notices = snapshot.notices
    .map((notice) => `<div class="ws-card ws-field-error">${escapeHtml(notice)}</div>`)
    .join('');
  return `${renderDrillStatus(snapshot.drill)}<h2>Scenarios</h2>${scenarios}${notices}${renderAws(snapshot.aws, ctx)}`;
}
