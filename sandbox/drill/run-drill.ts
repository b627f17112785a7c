import type { WarroomAdapters } from '../../src/app.ts';
import { type Clock, systemClock } from '../../src/clock.ts';
import type { Debrief, Scenario, WaitOutcome } from '../../src/drill/index.ts';
import { findScenario, loadScenarios } from '../../src/drill/index.ts';
import type { Logger } from '../../src/logger.ts';
import type { Pace } from '../scenarios/run-scenario.ts';
import { drillHostIn } from './drill-host.ts';
import { DrillSession } from './drill-session.ts';
import { startSandboxDrillStage } from './sandbox-drill-stage.ts';
import { type DrillStage, startSlackDrillStage } from './slack-drill-stage.ts';

export interface DrillOptions {
  scenarioId: string;
  /** Scenario files besides the built-ins (`--file`). */
  scenarioFiles?: string[];
  /** A real Slack channel (C…); absent: the drill runs in the sandbox's local Slack. */
  slackChannel?: string;
  /** The process environment: Slack tokens for a drill in Slack. */
  env: Record<string, string | undefined>;
  adapters: WarroomAdapters;
  write: (text: string) => void;
  logger: Logger;
  /** Default realtime: people need the time, in Slack and in the local workspace alike. */
  pace?: Pace;
  /** How long to wait for the team before the debrief (default 60); 0 debriefs once the alerts are out. */
  waitMinutes?: number;
  /** The local workspace's port in the sandbox (default 0: a free one). */
  uiPort?: number;
  /** Aborting ends the wait (Ctrl-C): the debrief still comes. */
  signal?: AbortSignal;
  pollMs?: number;
  clock?: Clock;
  /** Told the stage once warroom runs (tests look at the emulator's requests; a UI could too). */
  onStarted?: (stage: DrillStage) => void;
}

export interface DrillResult {
  scenario: Scenario;
  debrief: Debrief;
  waited: WaitOutcome | 'no-wait';
}

/**
 * A drill: warroom marked DRILL, every AWS endpoint on the local emulator seeded for the scenario,
 * in a Slack channel or in the local workspace (served in a browser, where the drill shows too).
 * The briefing is printed and posted first, the steps are published, the team works the cards
 * until every incident is resolved (or `waitMinutes`, or `signal`), and the debrief (the `expect`
 * checklist against warroom's store) is printed and posted last. In the local workspace the page
 * then stays up to read the debrief until `signal` aborts.
 */
export async function runDrill(options: DrillOptions): Promise<DrillResult> {
  const { write } = options;
  const clock = options.clock ?? systemClock;
  // A bad file or an unknown id stops the drill before anything starts.
  const { scenario } = findScenario(loadScenarios(options.scenarioFiles), options.scenarioId);
  const inSlack = options.slackChannel !== undefined;
  const stage: DrillStage = inSlack
    ? await startSlackDrillStage({
        channel: options.slackChannel!,
        env: options.env,
        adapters: options.adapters,
        logger: options.logger,
      })
    : await startSandboxDrillStage({
        adapters: options.adapters,
        scenarioFiles: options.scenarioFiles,
        write,
        logger: options.logger,
        uiPort: options.uiPort ?? 0,
      });
  try {
    options.onStarted?.(stage);
    if (stage.workspace) write(`\nThe local Slack workspace: open ${stage.workspace.url} in a browser.\n`);
    const host = drillHostIn(stage, {
      channelLabel: inSlack ? `<#${stage.channel}>` : '#alerts',
      write,
      clock,
    });
    const session = await DrillSession.start({ scenario, host, pace: options.pace ?? 'realtime', clock });
    stage.workspace?.showDrill(session);
    const stopPublishing = () => session.stop();
    options.signal?.addEventListener('abort', stopPublishing, { once: true });
    await session.publishingDone();
    const minutes = options.waitMinutes ?? 60;
    let waited: DrillResult['waited'] = 'no-wait';
    if (minutes > 0 && (options.signal?.aborted || session.ended.aborted)) waited = 'stopped';
    else if (minutes > 0) {
      const where = stage.workspace ? ' (or when someone presses Debrief in the workspace)' : '';
      const alerts = session.status().stopped ? 'The alerts were stopped.' : 'All alerts are out.';
      write(
        `\n${alerts} The debrief comes when every incident of the drill is resolved, ` +
          `after ${minutes} minute${minutes === 1 ? '' : 's'} at the latest, or on Ctrl-C${where}.\n`,
      );
      waited = await session.waitForTeam({
        until: new Date(clock.now().getTime() + minutes * 60_000),
        pollMs: options.pollMs ?? 2000,
        signal: options.signal,
      });
    }
    options.signal?.removeEventListener('abort', stopPublishing);
    const debrief = await session.debrief();
    const ctrlC = options.signal;
    if (stage.workspace && waited !== 'no-wait' && ctrlC && !ctrlC.aborted) {
      // The team was in the page: it stays up to read the debrief there.
      write(`\nThe debrief is in #alerts and at ${stage.workspace.url}; Ctrl-C closes the workspace.\n`);
      await new Promise<void>((resolve) => ctrlC.addEventListener('abort', () => resolve(), { once: true }));
    }
    return { scenario, debrief, waited };
  } finally {
    await stage.stop();
  }
}
