import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { type Clock, systemClock } from '../../clock.ts';
import { viewExecution } from '../aws/services/ssm/automation-progress.ts';
import { readAppManifest } from './app-manifest.ts';
import { sendBlockAction } from './block-action.ts';
import { bundleBrowserScript } from './browser-bundle.ts';
import { addReaction, openAppHome, runMessageShortcut, sendComposerText } from './conversation-input.ts';
import { LiveUpdates, watchQuietChanges } from './live-updates.ts';
import { ModalStacks } from './modal-stacks.ts';
import { syncModalsFromCall } from './modal-sync.ts';
import { buildPageHtml } from './page-html.ts';
import { ResponseOrigins } from './response-origins.ts';
import {
  blockActionSchema,
  composeSchema,
  fireScenarioSchema,
  homeOpenedSchema,
  reactionSchema,
  shortcutSchema,
  viewRequestSchema,
} from './ui-requests.ts';
import { listenUiServer, type PostRoute } from './ui-server.ts';
import { buildSnapshot, type SandboxParts } from './ui-snapshot.ts';
import { UserReactions } from './user-reactions.ts';
import { closeView, submitView } from './view-interactions.ts';
import type { WorkspaceContext } from './workspace-context.ts';

export interface WorkspaceUiOptions {
  sandbox: SandboxParts;
  /** The signing secret warroom verifies Slack requests with. */
  signingSecret: string;
  /** Default 3100; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the page drives warroom, so it is not offered to the network. */
  host?: string;
  clock?: Clock;
}

export interface WorkspaceUi {
  url: string;
  port: number;
  close(): Promise<void>;
}

type BlockActionBody = z.infer<typeof blockActionSchema>;
type ViewBody = z.infer<typeof viewRequestSchema>;
type ComposeBody = z.infer<typeof composeSchema>;
type ReactionBody = z.infer<typeof reactionSchema>;
type ShortcutBody = z.infer<typeof shortcutSchema>;

/** What changes without a Slack call: response_url replies, AWS requests, executions moving on. */
function quietFingerprint(sandbox: SandboxParts, clock: Clock): string {
  const now = clock.now();
  const executions = [...sandbox.aws.state.ssm.executions.values()].map((execution) => {
    const view = viewExecution(execution, now);
    return `${execution.id}:${view.status}:${view.steps.length}`;
  });
  return `${sandbox.slack.responses().length}|${sandbox.aws.requests.length}|${executions.join(',')}`;
}

/** Keeps the last few things people should read (a scenario that failed…). */
const MAX_NOTICES = 20;

/**
 * The local Slack workspace in a browser: channels, messages with their Block Kit, modals and App
 * Home from the Slack emulator, and every click sent to warroom as Slack sends it (signed).
 */
export async function startWorkspaceUi(options: WorkspaceUiOptions): Promise<WorkspaceUi> {
  const { sandbox } = options;
  const clock = options.clock ?? systemClock;
  const manifest = readAppManifest();
  const live = new LiveUpdates();
  const notices: string[] = [];
  const notice = (text: string) => {
    notices.push(text);
    notices.splice(0, Math.max(0, notices.length - MAX_NOTICES));
    live.changed();
  };
  const context: WorkspaceContext = {
    slack: sandbox.slack,
    clock,
    appUrl: `${sandbox.warroom.url}/slack/events`,
    signingSecret: options.signingSecret,
    modals: new ModalStacks(clock),
    origins: new ResponseOrigins(),
    reactions: new UserReactions(),
    manifest,
    changed: () => live.changed(),
  };
  const stopListening = sandbox.slack.onCall((call) => {
    syncModalsFromCall(sandbox.slack, context.modals, call);
    live.changed();
  });
  const stopWatching = watchQuietChanges(
    () => quietFingerprint(sandbox, clock),
    () => live.changed(),
  );

  const posts: Record<string, PostRoute> = {
    '/api/block-action': {
      schema: blockActionSchema,
      run: (body: BlockActionBody) => sendBlockAction(context, body),
    },
    '/api/views/submit': { schema: viewRequestSchema, run: (body: ViewBody) => submitView(context, body) },
    '/api/views/close': { schema: viewRequestSchema, run: (body: ViewBody) => closeView(context, body) },
    '/api/compose': { schema: composeSchema, run: (body: ComposeBody) => sendComposerText(context, body) },
    '/api/home-opened': {
      schema: homeOpenedSchema,
      run: (body: { user: string }) => openAppHome(context, body.user),
    },
    '/api/reactions': { schema: reactionSchema, run: (body: ReactionBody) => addReaction(context, body) },
    '/api/shortcuts': {
      schema: shortcutSchema,
      run: (body: ShortcutBody) => runMessageShortcut(context, body),
    },
    '/api/scenarios/fire': {
      schema: fireScenarioSchema,
      run: async (body: { id: string }) => {
        if (!sandbox.scenarios().some((scenario) => scenario.id === body.id))
          return { ok: false, message: `no scenario "${body.id}"` };
        // In the background: a scenario waits for warroom to settle after each step.
        sandbox.runScenario(body.id).then(
          () => live.changed(),
          (error: unknown) =>
            notice(`Scenario ${body.id} failed: ${error instanceof Error ? error.message : String(error)}`),
        );
        return { ok: true };
      },
    },
  };

  const server = await listenUiServer(
    {
      html: buildPageHtml(manifest.name),
      script: await bundleBrowserScript(),
      live,
      slack: sandbox.slack,
      snapshot: (userId) =>
        buildSnapshot({ context, sandbox, manifest, userId, version: live.version, notices: [...notices] }),
      posts,
    },
    options.port ?? 3100,
    options.host ?? '127.0.0.1',
  );
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    close: async () => {
      stopListening();
      stopWatching();
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
