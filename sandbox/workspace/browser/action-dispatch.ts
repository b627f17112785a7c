import type { RenderContext } from '../blocks/index.ts';
import type { Json, UiActionSource } from '../ui-contract.ts';
import { api } from './api-client.ts';
import { askToConfirm } from './confirm-dialog.ts';
import { controlElement, controlValue, dispatchingControl, stateControls } from './controls.ts';
import { showToast } from './toasts.ts';

export interface DispatchTarget {
  user(): string;
  context(): RenderContext;
  /** The message or view a control belongs to, and the element holding its other controls. */
  locate(control: HTMLElement): { source: UiActionSource; stateRoot: ParentNode } | undefined;
}

/**
 * Sends block_actions for every interactive control under `root` (delegated, so re-rendering
 * needs no re-wiring). A control with a `confirm` object asks first, as Slack does.
 */
export function wireBlockActions(root: HTMLElement, target: DispatchTarget): void {
  const handle = async (event: Event) => {
    const control = dispatchingControl(event.target, event);
    if (!control) return;
    const located = target.locate(control);
    if (!located) return;
    if (event.type === 'keydown') event.preventDefault();
    const element = controlElement(control);
    const confirm = element['confirm'] as Json | undefined;
    if (confirm && !(await askToConfirm(confirm, target.context()))) return;
    const url = element['url'];
    if (typeof url === 'string') window.open(url, '_blank', 'noopener');
    if (control instanceof HTMLButtonElement) control.disabled = true;
    try {
      const result = await api.blockAction({
        user: target.user(),
        source: located.source,
        clicked: controlValue(control),
        state: stateControls(located.stateRoot),
      });
      if (!result.ok) showToast(result.message ?? 'warroom did not take that.');
    } finally {
      if (control instanceof HTMLButtonElement) control.disabled = false;
      // An overflow menu is a list of actions, not a choice: back to "⋯", so the same item works again.
      if (control instanceof HTMLSelectElement && control.classList.contains('bk-overflow'))
        control.value = '';
    }
  };
  for (const type of ['click', 'change', 'keydown']) {
    root.addEventListener(type, (event) => {
      void handle(event);
    });
  }
}
