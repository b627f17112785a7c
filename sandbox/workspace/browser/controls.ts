import type { Json, UiControlValue } from '../ui-contract.ts';

/**
 * The renderer's controls (class `bk-interactive`, data-block-id / data-action-id / data-element)
 * read back as Slack would see them: one raw value per control.
 */

export function controlElement(control: HTMLElement): Json {
  return JSON.parse(control.dataset['element'] ?? '{}') as Json;
}

export function rawValueOf(control: HTMLElement): string | string[] | null {
  if (control instanceof HTMLButtonElement) return null;
  if (control instanceof HTMLSelectElement) {
    if (control.multiple) return [...control.selectedOptions].map((option) => option.value);
    return control.value === '' ? null : control.value;
  }
  if (control instanceof HTMLFieldSetElement) {
    const checked = [...control.querySelectorAll<HTMLInputElement>('input:checked')].map(
      (input) => input.value,
    );
    return control.querySelector('input[type="radio"]') ? (checked[0] ?? null) : checked;
  }
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
    return control.value === '' ? null : control.value;
  }
  return null;
}

export function controlValue(control: HTMLElement): UiControlValue {
  return {
    blockId: control.dataset['blockId'] ?? '',
    actionId: control.dataset['actionId'] ?? '',
    element: controlElement(control),
    raw: rawValueOf(control),
  };
}

/** Every stateful control under `root` (buttons have no state). */
export function stateControls(
  root: ParentNode,
  options: { inputBlocksOnly?: boolean } = {},
): UiControlValue[] {
  return [...root.querySelectorAll<HTMLElement>('.bk-interactive')]
    .filter((control) => !(control instanceof HTMLButtonElement))
    .filter((control) => !options.inputBlocksOnly || control.dataset['inputBlock'] === 'true')
    .filter((control) => !(control instanceof HTMLInputElement && control.type === 'file'))
    .map(controlValue);
}

/**
 * Which controls send block_actions when used: buttons on click, menus and choices on change,
 * and in input blocks only those with dispatch_action (a text input then sends on Enter).
 */
export function dispatchingControl(target: EventTarget | null, event: Event): HTMLElement | undefined {
  if (!(target instanceof Element)) return undefined;
  const control = target.closest<HTMLElement>('.bk-interactive');
  if (!control) return undefined;
  const inInput = control.dataset['inputBlock'] === 'true';
  if (inInput && control.dataset['dispatchAction'] !== 'true') return undefined;
  if (event.type === 'click') return control instanceof HTMLButtonElement ? control : undefined;
  if (event.type === 'change') {
    const textual =
      control instanceof HTMLTextAreaElement ||
      (control instanceof HTMLInputElement && ['text', 'email', 'url', 'number'].includes(control.type));
    return control instanceof HTMLButtonElement || textual ? undefined : control;
  }
  if (event.type === 'keydown') {
    const key = (event as KeyboardEvent).key;
    return key === 'Enter' && control instanceof HTMLInputElement && inInput ? control : undefined;
  }
  return undefined;
}
