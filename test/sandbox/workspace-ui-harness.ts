import { parseNotification } from '../../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../../handlers/register-slack-handlers.ts';
import { SANDBOX_SIGNING_SECRET, type Sandbox, startSandbox } from '../../sandbox/run-sandbox.ts';
import { startWorkspaceUi, type WorkspaceUi } from '../../sandbox/workspace/start-workspace-ui.ts';
import type { Json, UiMessage, UiSnapshot } from '../../sandbox/workspace/ui-contract.ts';

/** The real sandbox with its workspace UI on a free port, and the page's API calls made by hand. */
export interface WorkspaceUiHarness {
  sandbox: Sandbox;
  ui: WorkspaceUi;
  post(path: string, body: unknown): Promise<{ status: number; json: Json }>;
  snapshot(user?: string): Promise<UiSnapshot>;
  stop(): Promise<void>;
}

export async function startWorkspaceUiHarness(
  scenario = 'rds-cpu-then-failover',
): Promise<WorkspaceUiHarness> {
  const sandbox = await startSandbox({
    adapters: { parseNotification, registerSlackHandlers },
    port: 0,
    write: () => {},
  });
  const ui = await startWorkspaceUi({ sandbox, signingSecret: SANDBOX_SIGNING_SECRET, port: 0 });
  await sandbox.runScenario(scenario);
  return {
    sandbox,
    ui,
    post: async (path, body) => {
      const response = await fetch(new URL(path, ui.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Json };
    },
    snapshot: async (user = 'U0ALICE') =>
      (await (await fetch(new URL(`/api/snapshot?user=${user}`, ui.url))).json()) as UiSnapshot,
    stop: async () => {
      await ui.close();
      await sandbox.stop();
    },
  };
}

export function theCard(snap: UiSnapshot): UiMessage {
  const card = snap.messages['C0ALERTS']?.find((message) =>
    message.blocks?.some((block) => block['block_id'] === 'warroom_card_header'),
  );
  if (!card) throw new Error('no incident card in #alerts');
  return card;
}

export function cardElement(card: UiMessage, actionId: string): Json {
  for (const block of card.blocks ?? []) {
    for (const element of (block['elements'] as Json[] | undefined) ?? []) {
      if (element['action_id'] === actionId) return element;
    }
  }
  throw new Error(`no ${actionId} on the card`);
}

/** Polls `read` (every 100 ms, 10 s at most) until `ok`. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const fieldsText = (card: UiMessage) =>
  JSON.stringify(card.blocks?.find((block) => block['block_id'] === 'warroom_card_fields'));
