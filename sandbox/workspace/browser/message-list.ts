import { type RenderContext, renderBlocks, renderMrkdwn } from '../blocks/index.ts';
import type { UiMessage, UiSnapshot } from '../ui-contract.ts';
import { escapeHtml, timeOf } from './format.ts';
import type { KeyedHtml } from './list-patch.ts';

/** Slack's short names for the reactions the sandbox offers. */
const EMOJI: Record<string, string> = { pushpin: '📌', eyes: '👀', white_check_mark: '✅', '+1': '👍' };

function authorOf(message: UiMessage, snapshot: UiSnapshot): string {
  if (message.isBot) return snapshot.appName;
  const user = snapshot.users.find((candidate) => candidate.id === message.user);
  return user?.realName ?? message.user;
}

function bodyOf(message: UiMessage, ctx: RenderContext): string {
  const content =
    message.blocks && message.blocks.length > 0
      ? renderBlocks(message.blocks, ctx)
      : `<div class="ws-text">${renderMrkdwn(message.text, ctx)}</div>`;
  const files = message.files
    .map((file) =>
      file.isImage
        ? `<img class="ws-file-image" src="${escapeHtml(file.url)}" alt="${escapeHtml(file.title)}" data-testid="file-image">`
        : `<a class="ws-file-link" href="${escapeHtml(file.url)}" target="_blank">📎 ${escapeHtml(file.title)}</a>`,
    )
    .join('');
  return content + files;
}

function reactionsOf(message: UiMessage, user: string): string {
  if (message.reactions.length === 0) return '';
  const items = message.reactions.map(
    (reaction) =>
      `<span class="ws-reaction${reaction.users.includes(user) ? ' ws-mine' : ''}" title=":${escapeHtml(reaction.name)}:">${EMOJI[reaction.name] ?? `:${escapeHtml(reaction.name)}:`} ${reaction.count}</span>`,
  );
  return `<div class="ws-reactions">${items.join('')}</div>`;
}

function menuOf(message: UiMessage, snapshot: UiSnapshot, inThread: boolean): string {
  if (message.origin !== 'history') return '';
  const buttons = [
    `<button type="button" data-menu="react" data-reaction="pushpin" title="Add 📌 (adds it to the incident timeline)">📌</button>`,
    ...(inThread ? [] : [`<button type="button" data-menu="reply" title="Reply in thread">💬</button>`]),
    ...snapshot.messageShortcuts.map(
      (shortcut) =>
        `<button type="button" data-menu="shortcut" data-callback-id="${escapeHtml(shortcut.callbackId)}">${escapeHtml(shortcut.name)}</button>`,
    ),
  ];
  return `<div class="ws-message-menu">${buttons.join('')}</div>`;
}

/** One message as Slack draws it; `data-key` and `data-channel` say where a click in it came from. */
export function renderMessage(
  message: UiMessage,
  snapshot: UiSnapshot,
  ctx: RenderContext,
  options: { user: string; inThread: boolean },
): string {
  const author = authorOf(message, snapshot);
  const replies =
    !options.inThread && message.replyCount > 0
      ? `<button type="button" class="ws-replies" data-menu="reply" data-testid="replies">${message.replyCount} ${message.replyCount === 1 ? 'reply' : 'replies'}</button>`
      : '';
  return `<div class="ws-message${message.onlyVisibleToYou ? ' ws-ephemeral' : ''}" data-testid="message" data-key="${escapeHtml(message.key)}" data-channel="${escapeHtml(message.channel)}" data-ts="${escapeHtml(message.ts)}">
  <div class="ws-avatar${message.isBot ? ' ws-bot' : ''}">${escapeHtml(author.slice(0, 1).toUpperCase())}</div>
  <div>
    ${message.onlyVisibleToYou ? '<div class="ws-only-you" data-testid="only-visible-to-you">👁 Only visible to you</div>' : ''}
    <div><span class="ws-author">${escapeHtml(author)}</span>${message.isBot ? '<span class="ws-app-badge">APP</span>' : ''}<span class="ws-time">${timeOf(message.ts)}</span>${message.edited ? '<span class="ws-edited">(edited)</span>' : ''}</div>
    <div class="ws-body">${bodyOf(message, ctx)}</div>
    ${reactionsOf(message, options.user)}
    ${replies}
  </div>
  ${menuOf(message, snapshot, options.inThread)}
</div>`;
}

/** Each message as keyed HTML, for patchList. */
export function renderMessages(
  messages: UiMessage[],
  snapshot: UiSnapshot,
  ctx: RenderContext,
  options: { user: string; inThread: boolean },
): KeyedHtml[] {
  return messages.map((message) => ({
    key: message.key,
    html: renderMessage(message, snapshot, ctx, options),
  }));
}
