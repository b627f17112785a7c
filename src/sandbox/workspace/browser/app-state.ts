import type { RenderContext } from '../blocks/index.ts';
import type { UiSnapshot } from '../ui-contract.ts';
import { formatSlackDate } from './slack-dates.ts';

/** `home` is the App Home tab; anything else a conversation id. */
export type Selection = 'home' | string;

/** What the page shows now: who you are, where you are, and the last snapshot. */
export interface AppState {
  user: string;
  selected: Selection;
  /** The thread open on the right (its parent's ts), if any. */
  threadTs?: string;
  snapshot?: UiSnapshot;
}

const USER_KEY = 'warroom-sandbox-user';

export function initialState(): AppState {
  const fromUrl = new URLSearchParams(location.search).get('user');
  const user = fromUrl ?? localStorage.getItem(USER_KEY) ?? 'U0ALICE';
  return { user, selected: 'C0ALERTS' };
}

export function rememberUser(user: string): void {
  localStorage.setItem(USER_KEY, user);
}

/** Names for the ids in Slack text, from the snapshot. */
export function renderContextFor(snapshot: UiSnapshot, idPrefix: string): RenderContext {
  return {
    userName: (id) => snapshot.users.find((user) => user.id === id)?.name,
    channelName: (id) => snapshot.conversations.find((conversation) => conversation.id === id)?.label,
    usergroupHandle: (id) => snapshot.usergroups.find((group) => group.id === id)?.handle,
    users: () =>
      snapshot.users.filter((user) => !user.isBot).map((user) => ({ id: user.id, name: user.name })),
    channels: () =>
      snapshot.conversations
        .filter((conversation) => conversation.kind !== 'im')
        .map((conversation) => ({ id: conversation.id, name: conversation.label })),
    formatDate: (epochSeconds, format) => formatSlackDate(epochSeconds, format),
    idPrefix,
  };
}
