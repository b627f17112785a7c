import type { Clock } from '../../src/clock.ts';
import type { Scenario } from '../../src/drill/index.ts';
import {
  briefingText,
  buildDrillBriefing,
  buildDrillDebrief,
  buildStep,
  type Debrief,
  type DrillMessage,
  debriefText,
  evaluateDebrief,
  nextIncidentSeq,
  readDrillIncidents,
  type WaitOutcome,
  waitForTeam,
} from '../../src/drill/index.ts';
import type { Store } from '../../src/store/store.ts';
import { type Pace, runScenarioSteps, type ScenarioHost } from '../scenarios/run-scenario.ts';

/** Where a drill session runs: warroom's store, its channel, and the place its steps are published. */
export interface DrillHost {
  store: Store;
  /** `#alerts`, `<#C0123>`: how the terminal names the channel. */
  channelLabel: string;
  /** Posts into the drill's channel as warroom's bot, marked DRILL; throws a clear error when refused. */
  post(message: DrillMessage, what: string): Promise<void>;
  /** Seeds the emulator and publishes (its `write` is the terminal's). */
  steps: ScenarioHost;
}

/** `publishing` the steps, `waiting` for the team, `debriefing`, then `debriefed` (the drill is over). */
export type DrillPhase = 'publishing' | 'waiting' | 'debriefing' | 'debriefed';

export interface DrillStatus {
  scenario: Scenario;
  pace: Pace;
  startedAt: Date;
  phase: DrillPhase;
  /** Notifications published so far, and how many the scenario has (a repeated step counts each). */
  published: number;
  total: number;
  /** Publishing was stopped before the last step. */
  stopped: boolean;
  /** When the debrief began. */
  endedAt?: Date;
  /** Set once the debrief is evaluated. */
  debrief?: Debrief;
}

/** How many notifications a scenario publishes: what the drill's "published / remaining" counts. */
export function countNotifications(scenario: Scenario, context: ScenarioHost['context'], at: Date): number {
  return scenario.steps.reduce((total, step) => total + buildStep(step, at, context).length, 0);
}

/**
 * One drill, wherever it runs (a Slack channel, the local workspace in a browser, the terminal):
 * the briefing is printed and posted first, the steps are published in the background at the
 * drill's pace, and the debrief (the `expect` checklist against warroom's store) is evaluated,
 * printed and posted once, when asked. Stopping ends the publishing, not the drill.
 */
export class DrillSession {
  private readonly publishing = new AbortController();
  private readonly ending = new AbortController();
  private publishedCount = 0;
  private phaseNow: DrillPhase = 'publishing';
  private result: Debrief | undefined;
  private endedAt: Date | undefined;
  private debriefing: Promise<Debrief> | undefined;
  /** Resolves when publishing is over, with the error that ended it early, if one did. */
  private readonly stepsOver: Promise<unknown>;

  private constructor(
    readonly scenario: Scenario,
    private readonly host: DrillHost,
    readonly pace: Pace,
    readonly firstSeq: number,
    readonly startedAt: Date,
    private readonly total: number,
  ) {
    const publish = host.steps.publish.bind(host.steps);
    this.stepsOver = runScenarioSteps(
      scenario,
      {
        ...host.steps,
        publish: async (message, subject) => {
          const status = await publish(message, subject);
          this.publishedCount += 1;
          return status;
        },
      },
      { pace, signal: this.publishing.signal },
    ).then(
      () => undefined,
      (error: unknown) => error ?? new Error('publishing failed'),
    );
    void this.stepsOver.then(() => {
      if (this.phaseNow === 'publishing') this.phaseNow = 'waiting';
    });
  }

  /**
   * Prints and posts the briefing (a refused post stops here, before any alert), then starts
   * publishing the steps; resolves once the briefing is in the channel.
   */
  static async start(options: {
    scenario: Scenario;
    host: DrillHost;
    pace: Pace;
    clock: Clock;
  }): Promise<DrillSession> {
    const { scenario, host } = options;
    const firstSeq = await nextIncidentSeq(host.store);
    host.steps.write(briefingText(scenario));
    await host.post(buildDrillBriefing(scenario), 'the briefing');
    host.steps.write(`\nBriefing posted in ${host.channelLabel}. The alerts follow.\n`);
    const startedAt = options.clock.now();
    const total = countNotifications(scenario, host.steps.context, startedAt);
    return new DrillSession(scenario, host, options.pace, firstSeq, startedAt, total);
  }

  /** Aborted once the debrief begins: whoever waits for the team stops waiting. */
  get ended(): AbortSignal {
    return this.ending.signal;
  }

  status(): DrillStatus {
    return {
      scenario: this.scenario,
      pace: this.pace,
      startedAt: this.startedAt,
      phase: this.phaseNow,
      published: this.publishedCount,
      total: this.total,
      stopped: this.publishing.signal.aborted && this.publishedCount < this.total,
      ...(this.endedAt ? { endedAt: this.endedAt } : {}),
      ...(this.result ? { debrief: this.result } : {}),
    };
  }

  /** Stops publishing: what was published stays, the team goes on, the debrief is still to come. */
  stop(): void {
    this.publishing.abort();
  }

  /** Resolves once every step is published or publishing was stopped; rejects if publishing failed. */
  async publishingDone(): Promise<void> {
    const failure = await this.stepsOver;
    if (failure) throw failure;
  }

  /**
   * After publishing: waits until every incident the drill opened is resolved, until `until`, until
   * `signal` aborts, or until the debrief begins (then `stopped`).
   */
  async waitForTeam(options: { until?: Date; pollMs: number; signal?: AbortSignal }): Promise<WaitOutcome> {
    await this.publishingDone();
    return waitForTeam({
      store: this.host.store,
      firstSeq: this.firstSeq,
      until: options.until,
      clock: this.host.steps.clock,
      pollMs: options.pollMs,
      signal: options.signal ? AbortSignal.any([this.ending.signal, options.signal]) : this.ending.signal,
    });
  }

  /**
   * Ends the drill: stops publishing, evaluates the checklist against warroom's store, prints it
   * and posts it. Once: asking again answers the same debrief without posting it twice.
   */
  debrief(): Promise<Debrief> {
    this.debriefing ??= this.evaluateAndPost();
    return this.debriefing;
  }

  private async evaluateAndPost(): Promise<Debrief> {
    this.phaseNow = 'debriefing';
    this.endedAt = this.host.steps.clock.now();
    this.ending.abort();
    this.stop();
    await this.stepsOver;
    await this.host.steps.settled();
    const debrief = evaluateDebrief(
      this.scenario.expect,
      await readDrillIncidents(this.host.store, this.firstSeq),
    );
    this.result = debrief;
    this.phaseNow = 'debriefed';
    this.host.steps.write(debriefText(this.scenario, debrief));
    await this.host.post(buildDrillDebrief(this.scenario, debrief), 'the debrief');
    return debrief;
  }
}
