import { actionIdFor, fingerprint } from './block-ids.ts';
import type { JsonObject } from './html.ts';
import type { RenderContext } from './render-context.ts';

/** Where an element is drawn: its block and, for an input block's element, how that block is set. */
export interface ElementScope {
  ctx: RenderContext;
  blockId: string;
  input?: { optional: boolean; dispatchAction: boolean };
}

function slug(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_-]/g, '_');
  // Two ids that differ only in replaced characters must not collide.
  return safe === text ? safe : `${safe}_${fingerprint(text)}`;
}

/** The DOM id of an element's control (what its `<label for>` points at). */
export function domIdFor(scope: ElementScope, element: unknown): string {
  return `${scope.ctx.idPrefix ?? 'bk'}-${slug(scope.blockId)}-${slug(actionIdFor(element))}`;
}

/** The test id browser tests look a control up by: `button:<action_id>`, `select:…`, `input:…`. */
export type TestIdKind = 'button' | 'select' | 'input';

/**
 * The attributes every interactive control carries (the UI's only contract): block and action ids,
 * the element type, the element's JSON, input-block flags and the test id. `extraClass` adds the
 * control's own look.
 */
export function controlAttrs(
  element: JsonObject,
  scope: ElementScope,
  kind: TestIdKind,
  extraClass: string,
): Record<string, string | undefined> {
  const actionId = actionIdFor(element);
  return {
    class: `bk-interactive ${extraClass}`,
    id: domIdFor(scope, element),
    'data-block-id': scope.blockId,
    'data-action-id': actionId,
    'data-element-type': String(element['type']),
    'data-element': JSON.stringify(element),
    'data-input-block': scope.input ? 'true' : undefined,
    'data-optional': scope.input ? String(scope.input.optional) : undefined,
    'data-dispatch-action': scope.input?.dispatchAction ? 'true' : undefined,
    'data-testid': `${kind}:${actionId}`,
  };
}
