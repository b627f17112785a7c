import type { WarroomAdapters } from '../app.ts';
import { type Clock, systemClock } from '../clock.ts';
import { BotError, isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { SANDBOX_ACCOUNT_ID, SANDBOX_REGION, SANDBOX_TOPIC_ARN } from '../sandbox/sandbox-account.ts';
import { findScenario, loadScenarios } from '../sandbox/scenarios/load-scenarios.ts';
import { type Pace, runScenarioSteps } from '../sandbox/scenarios/run-scenario.ts';
import type { Scenario } from '../sandbox/scenarios/scenario-schema.ts';
import { buildDrillBriefing, buildDrillDebrief, type DrillMessage } from '../slack/drill-messages.ts';
import { type Debrief, evaluateDebrief, nextIncidentSeq, readDrillIncidents } from './debrief.ts';
import { briefingText, debriefText } from './drill-text.ts';
import { startSandboxDrillStage } from './sandbox-drill-stage.ts';
import { type DrillStage, startSlackDrillStage } from './slack-drill-stage.ts';
import { type WaitOutcome, waitForTeam } from './wait-for-team.ts';

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
  /** Default: realtime in Slack (people need the time), fast in the sandbox. */
  pace?: Pace;
  /** How long to wait for the team before the debrief; default 60 in Slack, 0 in the sandbox. */
  waitMinutes?: number;
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
 * A drill: warroom marked DRILL, every AWS endpoint on the local emulator seeded for the scenario.
 * The briefing is printed and posted first, the steps are published, the team works the cards,
 * and the debrief (the `expect` checklist against warroom's store) is printed and posted last.
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
      });
  try {
    options.onStarted?.(stage);
    const firstSeq = await nextIncidentSeq(stage.warroom.store);
    write(briefingText(scenario));
    await postToChannel(stage, buildDrillBriefing(scenario), 'the briefing');
    write(
      `\nBriefing posted in ${inSlack ? `<#${stage.channel}>` : `#${stage.channel}`}. The alerts follow.\n`,
    );
    await runScenarioSteps(
      scenario,
      {
        aws: stage.aws.state,
        context: { accountId: SANDBOX_ACCOUNT_ID, region: SANDBOX_REGION, topicArn: SANDBOX_TOPIC_ARN },
        publish: stage.publish,
        settled: () => stage.warroom.settled(),
        write,
        clock,
      },
      { pace: options.pace ?? (inSlack ? 'realtime' : 'fast'), signal: options.signal },
    );
    const minutes = options.waitMinutes ?? (inSlack ? 60 : 0);
    let waited: DrillResult['waited'] = 'no-wait';
    if (minutes > 0) {
      write(
        `\nAll alerts are out. The debrief comes when every incident of the drill is resolved, ` +
          `after ${minutes} minute${minutes === 1 ? '' : 's'} at the latest, or on Ctrl-C.\n`,
      );
      waited = await waitForTeam({
        store: stage.warroom.store,
        firstSeq,
        until: new Date(clock.now().getTime() + minutes * 60_000),
        clock,
        pollMs: options.pollMs ?? 2000,
        signal: options.signal,
      });
    }
    await stage.warroom.settled();
    const debrief = evaluateDebrief(scenario.expect, await readDrillIncidents(stage.warroom.store, firstSeq));
    write(debriefText(scenario, debrief));
    await postToChannel(stage, buildDrillDebrief(scenario, debrief), 'the debrief');
    return { scenario, debrief, waited };
  } finally {
    await stage.stop();
  }
}

async function postToChannel(stage: DrillStage, message: DrillMessage, what: string): Promise<void> {
  try {
    await stage.slack.postMessage({ channel: stage.channel, ...message });
  } catch (error) {
    const reason = isBotError(error) ? error.message : String(error);
    throw new BotError(
      'DRILL.POST_REFUSED',
      `Slack refused ${what} in ${stage.channel} (${reason}). Is the channel id right, and is warroom's bot a member of it (/invite @warroom)?`,
      { cause: error },
    );
  }
}
