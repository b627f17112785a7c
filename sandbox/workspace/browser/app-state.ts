import type { UiSnapshot } from '../ui-contract.ts';

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
