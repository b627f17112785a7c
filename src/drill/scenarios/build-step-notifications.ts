import { buildChatbot } from './build-chatbot.ts';
import { buildCloudTrail } from './build-cloudtrail.ts';
import { buildCloudWatchAlarm } from './build-cloudwatch-alarm.ts';
import type { BuildContext, BuiltNotification } from './build-context.ts';
import { buildRdsEvent } from './build-rds-event.ts';
import type { NotificationSpec } from './notification-schema.ts';
import type { Scenario, ScenarioStepSpec } from './scenario-schema.ts';

/** One notification of a step, ready to sign and publish, with the time it is due. */
export interface ScenarioPublish extends BuiltNotification {
  label: string;
  /** Milliseconds from the scenario's start. */
  dueMs: number;
}

/** The exact Message (and Subject) AWS publishes for one typed notification. */
export function buildNotification(spec: NotificationSpec, context: BuildContext): BuiltNotification {
  switch (spec.kind) {
    case 'cloudwatch-alarm':
      return buildCloudWatchAlarm(spec, context);
    case 'rds-event':
      return buildRdsEvent(spec, context);
    case 'cloudtrail':
      return buildCloudTrail(spec, context);
    case 'chatbot':
      return buildChatbot(spec, context);
    case 'raw':
      return {
        ...(spec.subject !== undefined ? { subject: spec.subject } : {}),
        message: typeof spec.message === 'string' ? spec.message : JSON.stringify(spec.message),
      };
  }
}

/** `{{id}}` (the repeated identifier), `{{accountId}}` and `{{region}}` (the sandbox account's). */
type Placeholders = Record<'id' | 'accountId' | 'region', string | undefined>;

function fillText(text: string, values: Placeholders): string {
  return text.replace(
    /\{\{(id|accountId|region)\}\}/g,
    (whole, name: keyof Placeholders) => values[name] ?? whole,
  );
}

/** Fills placeholders in every string of a parsed notification (keys too, for dimension maps). */
function fill<T>(value: T, values: Placeholders): T {
  if (typeof value === 'string') return fillText(value, values) as T;
  if (Array.isArray(value)) return value.map((item) => fill(item, values)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [fillText(key, values), fill(item, values)]),
    ) as T;
  }
  return value;
}

/**
 * A step's notifications: one, or one per identifier of `repeat`, `every` seconds apart. The time
 * inside each message is the scenario's start plus when it is due.
 */
export function buildStep(
  step: ScenarioStepSpec,
  start: Date,
  context: Omit<BuildContext, 'at'>,
): ScenarioPublish[] {
  const ids = step.repeat ?? [undefined];
  return ids.map((id, index) => {
    const dueMs = Math.round((step.after + index * step.every) * 1000);
    const values = { id, accountId: context.accountId, region: context.region };
    const at = new Date(start.getTime() + dueMs);
    return {
      label: fillText(step.label, values),
      dueMs,
      ...buildNotification(fill(step.notification, values), { ...context, at }),
    };
  });
}

/** Every notification of a scenario, in the order they are due (a repeated step's in list order). */
export function buildScenarioNotifications(
  scenario: Scenario,
  start: Date,
  context: Omit<BuildContext, 'at'>,
): ScenarioPublish[] {
  return scenario.steps
    .flatMap((step) => buildStep(step, start, context))
    .map((publish, order) => ({ publish, order }))
    .sort((a, b) => a.publish.dueMs - b.publish.dueMs || a.order - b.order)
    .map(({ publish }) => publish);
}
