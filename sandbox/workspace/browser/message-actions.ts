import { api } from './api-client.ts';
import { showToast } from './toasts.ts';

export interface MessageMenuTarget {
  user(): string;
  openThread(ts: string): void;
}

/** The non-Block-Kit clicks on a message: its replies link, and its menu (react, reply, shortcuts). */
export function wireMessageMenus(root: HTMLElement, target: MessageMenuTarget): void {
  root.addEventListener('click', (event) => {
    if (!(event.target instanceof Element)) return;
    const button = event.target.closest<HTMLElement>('[data-menu]');
    const message = button?.closest<HTMLElement>('.ws-message');
    if (!button || !message) return;
    const channel = message.dataset['channel'] ?? '';
    const key = message.dataset['key'] ?? '';
    const report = (result: { ok: boolean; message?: string }) => {
      if (!result.ok) showToast(result.message ?? 'warroom did not take that.');
    };
    switch (button.dataset['menu']) {
      case 'reply':
        target.openThread(message.dataset['ts'] ?? '');
        return;
      case 'react':
        void api.react(target.user(), channel, key, button.dataset['reaction'] ?? 'pushpin').then(report);
        return;
      case 'shortcut':
        void api.shortcut(target.user(), channel, key, button.dataset['callbackId'] ?? '').then(report);
        return;
    }
  });
}
