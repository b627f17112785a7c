import { renderBlocks } from '../blocks/index.ts';
import type { UiSnapshot } from '../ui-contract.ts';
import { wireBlockActions } from './action-dispatch.ts';
import { api, fetchSnapshot, subscribeToChanges } from './api-client.ts';
import { type AppState, initialState, rememberUser } from './app-state.ts';
import { createComposer } from './composer.ts';
import { showDebriefWhenReady, tickDrillClock, wireDrillControls } from './drill-panel.ts';
import { escapeHtml } from './format.ts';
import { element } from './html.ts';
import { type KeyedHtml, patchList } from './list-patch.ts';
import { wireMessageMenus } from './message-actions.ts';
import { renderMessages } from './message-list.ts';
import { ModalStackView } from './modal-stack.ts';
import { renderContextFor } from './render-context.ts';
import { settleScenarioToasts, wireSidePanel } from './side-panel.ts';
import { renderSidePanel } from './side-panel-html.ts';
import { renderSidebar, wireSidebar } from './sidebar.ts';
import { showToast } from './toasts.ts';

/** The page: builds the layout once, then redraws its regions from each snapshot. */
const state: AppState = initialState();
const root = document.getElementById('app') as HTMLElement;
root.textContent = '';

const sidebar = element('nav', 'ws-sidebar', { 'data-testid': 'sidebar' });
const main = element('main', 'ws-main');
const header = element('div', 'ws-header', { 'data-testid': 'conversation-title' });
const messages = element('div', 'ws-messages', { 'data-testid': 'messages' });
const home = element('div', 'ws-home', { 'data-testid': 'home-tab' });
const thread = element('aside', 'ws-thread', { 'data-testid': 'thread' });
const threadHeader = element('div', 'ws-thread-header');
const threadMessages = element('div', 'ws-messages', { 'data-testid': 'thread-messages' });
const panel = element('aside', 'ws-panel', { 'data-testid': 'side-panel' });
thread.hidden = true;

const user = () => state.user;
const context = (prefix: string) => () => renderContextFor(state.snapshot as UiSnapshot, prefix);
const currentChannel = () => (state.selected === 'home' ? undefined : state.selected);
const composer = createComposer({ user, channel: currentChannel }, 'composer');
const threadComposer = createComposer(
  { user, channel: currentChannel, threadTs: () => state.threadTs },
  'thread-composer',
);
main.append(header, messages, home, composer);
thread.append(threadHeader, threadMessages, threadComposer);
root.append(sidebar, main, thread, panel);
const modals = new ModalStackView({ user, context: context('modal') });
/** The side panel's HTML as last drawn. */
let shownPanel = '';

const locateInMessage = (control: HTMLElement) => {
  const message = control.closest<HTMLElement>('.ws-message');
  if (!message) return undefined;
  const source = {
    kind: 'message' as const,
    channel: message.dataset['channel'] ?? '',
    key: message.dataset['key'] ?? '',
  };
  return { source, stateRoot: message };
};
for (const [list, prefix] of [
  [messages, 'msg'],
  [threadMessages, 'thread'],
] as const) {
  wireBlockActions(list, { user, context: context(prefix), locate: locateInMessage });
  wireMessageMenus(list, { user, openThread: (ts) => openThread(ts) });
}
wireBlockActions(home, {
  user,
  context: context('home'),
  locate: () => {
    const view = state.snapshot?.home;
    return view ? { source: { kind: 'view', viewId: String(view['id']) }, stateRoot: home } : undefined;
  },
});
wireSidePanel(panel, { refresh: () => refresh(), snapshot: () => state.snapshot });
wireDrillControls(panel, () => state.snapshot);
// A click may change the panel's buttons in place (Publishing…): the next draw redraws it whole.
panel.addEventListener(
  'click',
  () => {
    shownPanel = '';
  },
  { capture: true },
);
setInterval(() => tickDrillClock(panel), 1000);
wireSidebar(sidebar, {
  select: (id) => {
    state.selected = id;
    state.threadTs = undefined;
    draw();
    if (id === 'home')
      void api.homeOpened(state.user).then((result) => result.ok || showToast(result.message ?? ''));
  },
  switchUser: (id) => {
    state.user = id;
    rememberUser(id);
    void refresh();
  },
});
threadHeader.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-close-thread]')) {
    state.threadTs = undefined;
    draw();
  }
});

function openThread(ts: string): void {
  state.threadTs = ts;
  draw();
}

/** Patches a message list, keeping it pinned to its newest message when it was already there. */
function redraw(list: HTMLElement, items: KeyedHtml[], empty: string): void {
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  patchList(list, items, `<div class="ws-empty">${escapeHtml(empty)}</div>`);
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function draw(): void {
  const snapshot = state.snapshot;
  if (!snapshot) return;
  sidebar.innerHTML = renderSidebar(snapshot, state);
  // Redrawn only when it changed: a button is not replaced under a click, nor a card mid-read.
  const panelHtml = renderSidePanel(snapshot);
  if (panelHtml !== shownPanel) {
    panel.innerHTML = panelHtml;
    shownPanel = panelHtml;
    tickDrillClock(panel);
  }
  settleScenarioToasts(snapshot);
  showDebriefWhenReady(snapshot);
  modals.show(snapshot.modals);
  const showingHome = state.selected === 'home';
  home.hidden = !showingHome;
  messages.hidden = showingHome;
  composer.hidden = showingHome;
  if (showingHome) {
    header.textContent = `${snapshot.appName} · Home`;
    const view = snapshot.home;
    const html = view
      ? renderBlocks((view['blocks'] as unknown[]) ?? [], renderContextFor(snapshot, 'home'))
      : '<div class="ws-empty">Opening Home…</div>';
    if (home.innerHTML !== html) home.innerHTML = html;
    thread.hidden = true;
    return;
  }
  const conversation = snapshot.conversations.find((candidate) => candidate.id === state.selected);
  header.textContent = conversation
    ? `${conversation.kind === 'im' ? '💬' : conversation.kind === 'private' ? '🔒' : '#'} ${conversation.label}`
    : 'This conversation is not visible to you';
  const all = snapshot.messages[state.selected] ?? [];
  const ctx = renderContextFor(snapshot, 'msg');
  redraw(
    messages,
    renderMessages(
      all.filter((message) => !message.threadTs),
      snapshot,
      ctx,
      { user: state.user, inThread: false },
    ),
    'No messages yet. Fire a scenario or start a drill from the panel on the right.',
  );
  const parent = state.threadTs ? all.find((message) => message.ts === state.threadTs) : undefined;
  thread.hidden = !parent;
  if (parent) {
    threadHeader.innerHTML = `<span>Thread</span><button type="button" class="ws-close" data-close-thread aria-label="Close thread">×</button>`;
    const replies = all.filter((message) => message.threadTs === parent.ts);
    redraw(
      threadMessages,
      renderMessages([parent, ...replies], snapshot, renderContextFor(snapshot, 'thread'), {
        user: state.user,
        inThread: true,
      }),
      '',
    );
  }
}

let fetching: Promise<void> | undefined;
let again = false;

/** One snapshot fetch at a time; a change during a fetch fetches once more after it. */
async function refresh(): Promise<void> {
  if (fetching) {
    again = true;
    return fetching;
  }
  fetching = (async () => {
    do {
      again = false;
      try {
        state.snapshot = await fetchSnapshot(state.user);
      } catch (error) {
        showToast(`The sandbox server is not answering: ${String(error)}`);
        continue;
      }
      draw();
    } while (again);
  })();
  await fetching;
  fetching = undefined;
}

subscribeToChanges(() => void refresh());
void refresh();
