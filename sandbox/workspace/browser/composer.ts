import { api } from './api-client.ts';
import { element } from './html.ts';
import { showToast } from './toasts.ts';

export interface ComposerTarget {
  user(): string;
  channel(): string | undefined;
  threadTs?(): string | undefined;
}

/**
 * The message box: `/incident …` is sent to warroom as a slash command, anything else is posted
 * as the person. Enter sends, Shift+Enter is a new line, as in Slack.
 */
export function createComposer(target: ComposerTarget, testId: string): HTMLElement {
  const host = element('div', 'ws-composer');
  const form = element('form', '');
  const box = element('textarea', '', { 'data-testid': testId, rows: '1', 'aria-label': 'Message' });
  const send = element('button', '', { type: 'submit', 'data-testid': `${testId}-send` });
  send.textContent = 'Send';
  const hint = element('div', 'ws-composer-hint');
  hint.textContent = 'Try /incident help. Enter sends; Shift+Enter adds a line.';
  form.append(box, send);
  host.append(form, hint);

  const submit = async () => {
    const channel = target.channel();
    const text = box.value;
    if (!channel || text.trim() === '') return;
    box.value = '';
    const result = await api.compose(target.user(), channel, text, target.threadTs?.());
    if (!result.ok) {
      showToast(result.message ?? 'That could not be sent.');
      if (!text.startsWith('/')) box.value = text;
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  });
  return host;
}
