import type { Clock } from '../../src/clock.ts';
import type { BuildContext, Scenario } from '../../src/drill/index.ts';
import { buildStep, type ScenarioPublish } from '../../src/drill/index.ts';
import { abortablePause } from '../../src/work/abortable-pause.ts';
import type { EmulatorState } from '../aws/emulator-state.ts';
import { seedScenarioAws } from './seed-scenario-aws.ts';

/**
 * How steps are spaced. `fast` (default): no waiting on the clock; each step is published once
 * warroom has settled after the one before (a repeated step goes out as one burst). `realtime`:
 * each notification when its `after` is due, as in a drill. A number scales `after` (0.1 = ten
 * times faster than real time).
 */
export type Pace = 'fast' | 'realtime' | number;

export interface ScenarioRunOptions {
  pace?: Pace;
  /** Aborting stops publishing (a drill's Ctrl-C); what was published stays published. */
  signal?: AbortSignal;
}

/** What running a scenario needs from the place it runs in (the sandbox, or a drill). */
export interface ScenarioHost {
  aws: EmulatorState;
  context: Omit<BuildContext, 'at'>;
  /** Signs the notification as SNS would and delivers it; answers the HTTP status. */
  publish(message: string, subject?: string): Promise<number>;
  /** Resolves once warroom has handled everything delivered so far. */
  settled(): Promise<void>;
  write(text: string): void;
  clock: Clock;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function scaleOf(pace: Pace): number | undefined {
  if (pace === 'fast') return undefined;
  if (pace === 'realtime') return 1;
  if (!Number.isFinite(pace) || pace < 0)
    throw new Error(`pace must be fast, realtime or a scale ≥ 0, not ${pace}`);
  return pace;
}

/**
 * Seeds the emulator with the scenario's AWS state, then publishes its steps in `after` order and
 * resolves once warroom has handled the last one.
 */
export async function runScenarioSteps(
  scenario: Scenario,
  host: ScenarioHost,
  options: ScenarioRunOptions = {},
): Promise<void> {
  const scale = scaleOf(options.pace ?? 'fast');
  const sleep = host.sleep ?? abortablePause;
  const start = host.clock.now();
  const steps = [...scenario.steps].sort((a, b) => a.after - b.after);
  const datedFrom = eventTimeBase(steps, start, scale, host.context);
  // Metric levels follow the story's clock, so a fast run ends at the story's last level.
  seedScenarioAws(host.aws, scenario.aws, datedFrom);
  for (const step of steps) {
    const notifications = buildStep(step, datedFrom, host.context);
    for (const notification of notifications) {
      if (scale !== undefined) {
        const wait = start.getTime() + notification.dueMs * scale - host.clock.now().getTime();
        if (wait > 0) await sleep(wait, options.signal);
      }
      if (options.signal?.aborted) {
        host.write('\n■ Stopped: the remaining steps are not published.\n');
        await host.settled();
        return;
      }
      await publishOne(host, notification);
    }
    if (scale === undefined) await host.settled();
  }
  await host.settled();
}

/**
 * When the scenario's events say they happened. Faster than real time, the story is dated as if it
 * began long enough ago that no event is stamped later than the moment it is published (a failover
 * "90 s after the alarm" must not be in the future, nor after the responder's resolve); real time
 * dates each event when it goes out.
 */
function eventTimeBase(
  steps: Scenario['steps'],
  start: Date,
  scale: number | undefined,
  context: ScenarioHost['context'],
): Date {
  const lastDueMs = Math.max(
    0,
    ...steps.flatMap((step) => buildStep(step, start, context).map((n) => n.dueMs)),
  );
  return new Date(start.getTime() - lastDueMs * (1 - Math.min(scale ?? 0, 1)));
}

async function publishOne(host: ScenarioHost, notification: ScenarioPublish): Promise<void> {
  host.write(`\n▶ AWS publishes to SNS: ${notification.label}\n`);
  const status = await host.publish(notification.message, notification.subject);
  host.write(`  POST /sns → ${status}\n`);
}
