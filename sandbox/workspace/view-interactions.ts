import { buildViewClosedPayload, buildViewSubmissionPayload } from './slack-payloads.ts';
import { stateValuesOf } from './state-values.ts';
import type { UiActionResult, UiControlValue } from './ui-contract.ts';
import { actorFor, resultOf, sendInteraction, type WorkspaceContext } from './workspace-context.ts';

/**
 * Submit: view_submission with every input in view.state.values. warroom's answer decides what
 * the person sees next (close, errors under the inputs, update, push, clear), as in Slack.
 */
export async function submitView(
  context: WorkspaceContext,
  input: { user: string; viewId: string; values: UiControlValue[] },
): Promise<UiActionResult> {
  const actor = actorFor(context, input.user);
  const modal = context.modals.find(input.user, input.viewId);
  if (!modal) return { ok: false, message: 'That modal is closed now.' };
  const payload = buildViewSubmissionPayload({
    actor,
    triggerId: context.slack.issueTriggerId(input.user),
    view: modal.view,
    stateValues: stateValuesOf(input.values),
  });
  const result = await sendInteraction(context, payload);
  const outcome = resultOf(result, 'view_submission');
  if (!outcome.ok) {
    // Slack keeps the modal open and says the app did not answer properly.
    context.changed();
    return outcome;
  }
  const problem = context.modals.applySubmissionAnswer(input.user, input.viewId, result.text);
  context.changed();
  return problem ? { ok: false, message: problem } : { ok: true };
}

/** Close (or ×): the view goes; warroom hears view_closed only if the view asked (notify_on_close). */
export async function closeView(
  context: WorkspaceContext,
  input: { user: string; viewId: string; values: UiControlValue[] },
): Promise<UiActionResult> {
  const actor = actorFor(context, input.user);
  const removed = context.modals.remove(input.user, input.viewId);
  context.changed();
  if (removed?.view['notify_on_close'] !== true) return { ok: true };
  const payload = buildViewClosedPayload({
    actor,
    view: removed.view,
    stateValues: stateValuesOf(input.values),
    isCleared: false,
  });
  return resultOf(await sendInteraction(context, payload), 'view_closed');
}
