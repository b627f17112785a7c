import { stateValueFor } from './blocks/index.ts';
import type { JsonObject } from './slack-payloads.ts';
import type { UiControlValue } from './ui-contract.ts';

/** `state.values` as Slack sends it: `{ [block_id]: { [action_id]: { type, value | selected_… } } }`. */
export function stateValuesOf(controls: readonly UiControlValue[]): JsonObject {
  const values: Record<string, Record<string, unknown>> = {};
  for (const control of controls) {
    const block = values[control.blockId] ?? {};
    block[control.actionId] = stateValueFor(control.element, control.raw);
    values[control.blockId] = block;
  }
  return values;
}

/** The element's state shape for `actions[]` (a button has none: its value and text are added). */
export function selectionOf(control: UiControlValue): JsonObject {
  return control.element['type'] === 'button' ? {} : stateValueFor(control.element, control.raw);
}
