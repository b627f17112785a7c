import type { SlackEmulator } from '../slack/slack-emulator.ts';
import type { RecordedCall } from '../slack/types.ts';
import type { ModalStacks } from './modal-stacks.ts';
import type { Json } from './ui-contract.ts';

/** Whose modal stack (as the emulator keeps it) holds this view id. */
function ownerOf(slack: SlackEmulator, viewId: string): string | undefined {
  return slack.workspace.users.find(
    (user) => !user.isBot && slack.views(user.id).some((view) => view.id === viewId && view.type === 'modal'),
  )?.id;
}

/** Mirrors the app's successful views.open / views.push / views.update into what people see. */
export function syncModalsFromCall(slack: SlackEmulator, modals: ModalStacks, call: RecordedCall): boolean {
  if (!call.ok) return false;
  const view = call.response['view'] as Json | undefined;
  if (!view || typeof view['id'] !== 'string' || view['type'] !== 'modal') return false;
  if (call.method === 'views.update') {
    modals.updated(view);
    return true;
  }
  const owner = ownerOf(slack, view['id']);
  if (!owner) return false;
  if (call.method === 'views.open') modals.opened(owner, view);
  else if (call.method === 'views.push') modals.pushed(owner, view);
  else return false;
  return true;
}
