import type { RenderContext } from '../blocks/index.ts';
import { renderMrkdwn, renderPlainText } from '../blocks/index.ts';
import type { Json } from '../ui-contract.ts';
import { element } from './html.ts';

/**
 * Slack's confirmation dialog for an element with a `confirm` object: title, text, and the
 * confirm / deny buttons. Resolves true only when the person confirms.
 */
export function askToConfirm(confirm: Json, ctx: RenderContext): Promise<boolean> {
  return new Promise((resolve) => {
    const overlay = element('div', 'ws-overlay', { 'data-testid': 'confirm-dialog' });
    const dialog = element('div', 'ws-modal', { role: 'alertdialog', 'aria-modal': 'true' });
    const text = confirm['text'] as Json | undefined;
    const body =
      text?.['type'] === 'mrkdwn' ? renderMrkdwn(String(text['text'] ?? ''), ctx) : renderPlainText(text);
    const style = confirm['style'] === 'danger' ? 'ws-button-danger' : 'ws-button-primary';
    dialog.innerHTML = `
      <div class="ws-modal-header">${renderPlainText(confirm['title'])}</div>
      <div class="ws-modal-body">${body}</div>
      <div class="ws-modal-footer">
        <button type="button" class="ws-button" data-testid="confirm-deny">${confirm['deny'] ? renderPlainText(confirm['deny']) : 'Cancel'}</button>
        <button type="button" class="ws-button ${style}" data-testid="confirm-confirm">${confirm['confirm'] ? renderPlainText(confirm['confirm']) : 'Confirm'}</button>
      </div>`;
    overlay.append(dialog);
    const finish = (answer: boolean) => {
      overlay.remove();
      resolve(answer);
    };
    dialog.querySelector('[data-testid="confirm-deny"]')?.addEventListener('click', () => finish(false));
    dialog.querySelector('[data-testid="confirm-confirm"]')?.addEventListener('click', () => finish(true));
    document.getElementById('overlays')?.append(overlay);
  });
}
