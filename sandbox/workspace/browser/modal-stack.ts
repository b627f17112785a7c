import { type RenderContext, renderModal } from '../blocks/index.ts';
import type { UiModal } from '../ui-contract.ts';
import { wireBlockActions } from './action-dispatch.ts';
import { api } from './api-client.ts';
import { rawValueOf, stateControls } from './controls.ts';
import { element } from './html.ts';
import { showToast } from './toasts.ts';

export interface ModalHost {
  user(): string;
  context(): RenderContext;
}

const REQUIRED = 'Please complete this required field.';

/** The value a person typed or chose, kept across a re-render of the same view (Slack keeps it). */
function keepInput(from: HTMLElement, to: HTMLElement): void {
  for (const control of from.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    'input.bk-interactive, textarea.bk-interactive',
  )) {
    const twin = to.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      `.bk-interactive[data-block-id="${CSS.escape(control.dataset['blockId'] ?? '')}"][data-action-id="${CSS.escape(control.dataset['actionId'] ?? '')}"]`,
    );
    if (twin && twin.tagName === control.tagName) twin.value = control.value;
  }
}

function showErrors(body: HTMLElement, errors: Record<string, string>): void {
  for (const old of body.querySelectorAll('.ws-field-error')) old.remove();
  for (const [blockId, message] of Object.entries(errors)) {
    const block = body.querySelector(`.bk-block[data-block-id="${CSS.escape(blockId)}"]`);
    const note = element('div', 'ws-field-error', { 'data-testid': `error:${blockId}`, role: 'alert' });
    note.textContent = message;
    (block ?? body).append(note);
  }
}

/** Required inputs left empty, marked as Slack's client does before anything is sent. */
function missingRequired(body: HTMLElement): boolean {
  const errors: Record<string, string> = {};
  for (const control of body.querySelectorAll<HTMLElement>('.bk-interactive[data-input-block="true"]')) {
    if (control.dataset['optional'] === 'true') continue;
    const value = rawValueOf(control);
    if (value === null || (Array.isArray(value) && value.length === 0))
      errors[control.dataset['blockId'] ?? ''] = REQUIRED;
  }
  showErrors(body, errors);
  return Object.keys(errors).length > 0;
}

/**
 * The top modal of the person's stack (Slack shows one at a time), redrawn only when the view,
 * its hash or its errors change, so typing is never lost to a live update.
 */
export class ModalStackView {
  private overlay: HTMLElement | undefined;
  private shown = '';

  constructor(private readonly host: ModalHost) {}

  show(stack: UiModal[]): void {
    const top = stack[stack.length - 1];
    const signature = top
      ? `${String(top.view['id'])}|${String(top.view['hash'])}|${JSON.stringify(top.errors)}`
      : '';
    if (signature === this.shown) return;
    this.shown = signature;
    const previous = this.overlay;
    if (!top) {
      previous?.remove();
      this.overlay = undefined;
      return;
    }
    const overlay = this.build(top, stack.length);
    const previousBody = previous?.querySelector<HTMLElement>('.ws-modal-body');
    const body = overlay.querySelector<HTMLElement>('.ws-modal-body');
    if (previous?.dataset['viewId'] === String(top.view['id']) && previousBody && body)
      keepInput(previousBody, body);
    if (body) showErrors(body, top.errors);
    previous?.remove();
    document.getElementById('overlays')?.append(overlay);
    this.overlay = overlay;
  }

  private build(modal: UiModal, depth: number): HTMLElement {
    const viewId = String(modal.view['id']);
    const rendered = renderModal(modal.view, this.host.context());
    const overlay = element('div', 'ws-overlay', { 'data-testid': 'modal', 'data-view-id': viewId });
    overlay.innerHTML = `<div class="ws-modal" role="dialog" aria-modal="true">
  <div class="ws-modal-header"><span data-testid="modal-title">${rendered.title}</span><button type="button" class="ws-close" data-modal="close" aria-label="Close">×</button></div>
  ${depth > 1 ? `<div class="ws-stack-depth">${depth} views open; Close goes back one.</div>` : ''}
  <div class="ws-modal-body">${rendered.body}</div>
  <div class="ws-modal-footer">
    <button type="button" class="ws-button" data-modal="close" data-testid="modal-close">${rendered.close ?? 'Cancel'}</button>
    ${rendered.submit ? `<button type="button" class="ws-button ws-button-primary" data-modal="submit" data-testid="modal-submit">${rendered.submit}</button>` : ''}
  </div>
</div>`;
    const body = overlay.querySelector<HTMLElement>('.ws-modal-body');
    if (body) {
      wireBlockActions(body, {
        user: () => this.host.user(),
        context: () => this.host.context(),
        locate: () => ({ source: { kind: 'view', viewId }, stateRoot: body }),
      });
    }
    overlay.addEventListener('click', (event) => {
      const button =
        event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-modal]') : null;
      if (!button || !body) return;
      void this.press(button, viewId, body);
    });
    return overlay;
  }

  private async press(button: HTMLButtonElement, viewId: string, body: HTMLElement): Promise<void> {
    const submitting = button.dataset['modal'] === 'submit';
    if (submitting && missingRequired(body)) return;
    button.disabled = true;
    const values = stateControls(body);
    const result = submitting
      ? await api.submitView(this.host.user(), viewId, values)
      : await api.closeView(this.host.user(), viewId, values);
    button.disabled = false;
    if (!result.ok) showToast(result.message ?? 'warroom did not take that.');
  }
}
