import type { UiSnapshot } from '../ui-contract.ts';
import type { AppState } from './app-state.ts';
import { escapeHtml } from './format.ts';

/** Channels, direct messages, App Home, and who you are. Clicks are read by `wireSidebar`. */
export function renderSidebar(snapshot: UiSnapshot, state: AppState): string {
  const people = snapshot.users.filter((user) => !user.isBot);
  const options = people
    .map(
      (user) =>
        `<option value="${escapeHtml(user.id)}"${user.id === state.user ? ' selected' : ''}>${escapeHtml(user.realName)} (@${escapeHtml(user.name)})</option>`,
    )
    .join('');
  const item = (id: string, label: string, testId: string) =>
    `<button type="button" class="ws-nav-item${state.selected === id ? ' ws-selected' : ''}" data-select="${escapeHtml(id)}" data-testid="${escapeHtml(testId)}">${label}</button>`;
  const channels = snapshot.conversations
    .filter((conversation) => conversation.kind !== 'im')
    .map((conversation) =>
      item(
        conversation.id,
        `${conversation.kind === 'private' ? '🔒' : '#'} ${escapeHtml(conversation.label)}`,
        `channel:${conversation.label}`,
      ),
    )
    .join('');
  const dms = snapshot.conversations
    .filter((conversation) => conversation.kind === 'im')
    .map((conversation) =>
      item(conversation.id, `💬 ${escapeHtml(conversation.label)}`, `dm:${conversation.label}`),
    )
    .join('');
  return `<div class="ws-team">${escapeHtml(snapshot.teamName)}</div>
<label class="ws-you">You are
  <select data-testid="user-switcher" data-switch-user>${options}</select>
</label>
<div class="ws-section-title">Channels</div>${channels}
<div class="ws-section-title">Direct messages</div>${dms || '<div class="ws-nav-item ws-muted">none yet</div>'}
<div class="ws-section-title">Apps</div>${item('home', `🏠 ${escapeHtml(snapshot.appName)} · Home`, 'app-home')}`;
}

export function wireSidebar(
  root: HTMLElement,
  handlers: { select(id: string): void; switchUser(id: string): void },
): void {
  root.addEventListener('click', (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-select]') : null;
    if (button?.dataset['select']) handlers.select(button.dataset['select']);
  });
  root.addEventListener('change', (event) => {
    const select = event.target;
    if (select instanceof HTMLSelectElement && select.hasAttribute('data-switch-user'))
      handlers.switchUser(select.value);
  });
}
