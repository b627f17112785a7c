import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { type Clock, systemClock } from '../../src/clock.ts';
import { loadScenarios } from '../../src/drill/index.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { viewExecution } from '../aws/services/ssm/automation-progress.ts';
import { localDrillGateway } from '../drill/drill-host.ts';
import type { DrillSession } from '../drill/drill-session.ts';
import { SANDBOX_BOT_TOKEN } from '../run-sandbox.ts';
import { SANDBOX_ALERT_CHANNEL } from '../sandbox-account.ts';
import { readAppManifest } from './app-manifest.ts';
import { bundleBrowserScript } from './browser-bundle.ts';
import { LiveUpdates, watchQuietChanges } from './live-updates.ts';
import { ModalStacks } from './modal-stacks.ts';
import { syncModalsFromCall } from './modal-sync.ts';
import { buildPageHtml } from './page-html.ts';
import { ResponseOrigins } from './response-origins.ts';
import { ScenarioRuns } from './scenario-runs.ts';
import { getRoutes, postRoutes } from './ui-routes.ts';
import { listenUiServer } from './ui-server.ts';
import { buildSnapshot, type SandboxParts } from './ui-snapshot.ts';
import { UserReactions } from './user-reactions.ts';
import type { WorkspaceContext } from './workspace-context.ts';
import { WorkspaceDrills } from './workspace-drills.ts';

export interface WorkspaceUiOptions {
  sandbox: SandboxParts;
  /** The signing secret warroom verifies Slack requests with. */
  signingSecret: string;
  /** Default 3100; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the page drives warroom, so it is not offered to the network. */
  host?: string;
  clock?: Clock;
  /** The sandbox's scenario files besides the built-ins: their drills can be started too. */
  scenarioFiles?: string[];
  /** Where a drill's briefing, alerts and debrief are printed (the terminal); default nowhere. */
  write?: (text: string) => void;
  logger?: Logger;
  /** How often a drill checks whether every incident is resolved (default 1 s). */
  drillPollMs?: number;
}

export interface WorkspaceUi {
  url: string;
  port: number;
  /** Shows a drill run from elsewhere (`npm run drill`) in the side panel, with Stop and Debrief. */
  showDrill(session: DrillSession): void;
  close(): Promise<void>;
}

/** What changes without a Slack call: response_url replies, AWS requests, executions moving on. */
function quietFingerprint(sandbox: SandboxParts, clock: Clock): string {
  sandbox.aws.state.ssm.settle();
  const now = clock.now();
  const executions = [...sandbox.aws.state.ssm.executions.values()].map((execution) => {
    const view = viewExecution(execution, now);
    return `${execution.id}:${view.status}:${view.steps.length}`;
  });
  return `${sandbox.slack.responses().length}|${sandbox.aws.requests.length}|${executions.join(',')}`;
}

/**
 * The local Slack workspace in a browser: channels, messages with their Block Kit, modals and App
 * Home from the Slack emulator, and every click sent to warroom as Slack sends it (signed).
 */
export async function startWorkspaceUi(options: WorkspaceUiOptions): Promise<WorkspaceUi> {
  const { sandbox } = options;
  const clock = options.clock ?? systemClock;
  const manifest = readAppManifest();
  // First: a page that cannot be built stops the start before anything is subscribed.
  const script = await bundleBrowserScript();
  const live = new LiveUpdates();
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

  const scenarios = new ScenarioRuns(sandbox, () => live.changed());
  const drills = new WorkspaceDrills({
    scenarios: loadScenarios(options.scenarioFiles),
    place: {
      aws: sandbox.aws,
      warroom: sandbox.warroom,
      channel: SANDBOX_ALERT_CHANNEL,
      slack: localDrillGateway(
        sandbox.slack.apiUrl,
        SANDBOX_BOT_TOKEN,
        options.logger ?? createLogger({ level: 'warn', destination: pino.destination(2) }),
      ),
      publish: (message, subject) => sandbox.publish(message, subject),
    },
    write: options.write ?? (() => {}),
    clock,
    changed: () => live.changed(),
    notice: (text) => scenarios.notice(text),
    ...(options.drillPollMs ? { pollMs: options.drillPollMs } : {}),
  });

  const stop = () => {
    stopListening();
    stopWatching();
    live.close();
  };
  const server = await listenUiServer(
    {
      html: buildPageHtml(manifest.name),
      script,
      live,
      slack: sandbox.slack,
      snapshot: (userId) =>
        buildSnapshot({
          context,
          sandbox,
          manifest,
          userId,
          version: live.version,
          notices: [...scenarios.notices],
          runningScenarios: [...scenarios.running],
          drill: drills.view(),
        }),
      posts: postRoutes(context, scenarios, drills),
      gets: getRoutes(drills),
    },
    options.port ?? 3100,
    options.host ?? '127.0.0.1',
  ).catch((error: unknown) => {
    stop();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    showDrill: (session) => drills.show(session),
    close: async () => {
      stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
