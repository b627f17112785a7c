import type {
  UiActionResult,
  UiBlockActionRequest,
  UiBriefing,
  UiControlValue,
  UiSnapshot,
} from '../ui-contract.ts';

/** The UI server's JSON API: each call answers whether warroom took it, and why not. */

async function post(path: string, body: unknown): Promise<UiActionResult> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const result = (await response.json().catch(() => undefined)) as UiActionResult | undefined;
  return result ?? { ok: false, message: `The sandbox server answered HTTP ${response.status}.` };
}

export async function fetchSnapshot(user: string): Promise<UiSnapshot> {
  const response = await fetch(`/api/snapshot?user=${encodeURIComponent(user)}`);
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  return (await response.json()) as UiSnapshot;
}

export const api = {
  blockAction: (request: UiBlockActionRequest) => post('/api/block-action', request),
  submitView: (user: string, viewId: string, values: UiControlValue[]) =>
    post('/api/views/submit', { user, viewId, values }),
  closeView: (user: string, viewId: string, values: UiControlValue[]) =>
    post('/api/views/close', { user, viewId, values }),
  compose: (user: string, channel: string, text: string, threadTs?: string) =>
    post('/api/compose', { user, channel, text, ...(threadTs ? { threadTs } : {}) }),
  homeOpened: (user: string) => post('/api/home-opened', { user }),
  react: (user: string, channel: string, key: string, name: string) =>
    post('/api/reactions', { user, channel, key, name }),
  shortcut: (user: string, channel: string, key: string, callbackId: string) =>
    post('/api/shortcuts', { user, channel, key, callbackId }),
  fireScenario: (id: string) => post('/api/scenarios/fire', { id }),
  startDrill: (scenario: string, pace: 'realtime' | 'fast' | number) =>
    post('/api/drill/start', { scenario, pace }),
  stopDrill: () => post('/api/drill/stop', {}),
  debriefDrill: () => post('/api/drill/debrief', {}),
};

/** A scenario's briefing, read before its drill starts. */
export async function fetchBriefing(scenario: string): Promise<UiBriefing> {
  const response = await fetch(`/api/drill/briefing?scenario=${encodeURIComponent(scenario)}`);
  const body = (await response.json()) as UiBriefing & { message?: string };
  if (!response.ok) throw new Error(body.message ?? `briefing: HTTP ${response.status}`);
  return body;
}

/** Calls `onChange` on every server change event (Server-Sent Events; the browser reconnects). */
export function subscribeToChanges(onChange: () => void): void {
  const source = new EventSource('/api/events');
  source.addEventListener('change', () => onChange());
}
