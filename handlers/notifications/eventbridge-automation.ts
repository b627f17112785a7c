import { z } from 'zod';
import type { SnsNotification } from '../../src/intake/index.ts';
import type { Alert, AlertFact } from '../../src/signals/index.ts';
import { clampAlert, escapeMrkdwn } from './alert-text.ts';
import { parseAwsTime } from './aws-time.ts';
import { readEventBridgeHeader } from './eventbridge-event.ts';
import { parseClaimed, parseJsonObject } from './message-schema.ts';
import type { NotificationParser } from './notification-parser.ts';

/** The two detail-types SSM Automation sends to EventBridge (source `aws.ssm`). */
export const AUTOMATION_EXECUTION_DETAIL_TYPE = 'EC2 Automation Execution Status-change Notification';
export const AUTOMATION_STEP_DETAIL_TYPE = 'EC2 Automation Step Status-change Notification';

const DETAIL_TYPES: readonly string[] = [AUTOMATION_EXECUTION_DETAIL_TYPE, AUTOMATION_STEP_DETAIL_TYPE];

const commonDetail = {
  /** AutomationExecutionId: always 36 characters. */
  ExecutionId: z.string().length(36),
  /** The document name; DefinitionVersion is a number in AWS's samples (1.0). */
  Definition: z.string().nullish(),
  DefinitionVersion: z.union([z.number(), z.string()]).nullish(),
  Status: z.string().min(1),
  // "Nov 29, 2024 7:43:25 PM": shown as sent, never parsed (the envelope `time` dates the event).
  StartTime: z.string().nullish(),
  EndTime: z.string().nullish(),
  /** Duration in milliseconds. */
  Time: z.number().nullish(),
};

const envelope = {
  source: z.literal('aws.ssm'),
  account: z.string().nullish(),
  region: z.string().nullish(),
  time: z.string().nullish(),
  resources: z.array(z.string()).nullish(),
};

/** Key names as in the Systems Manager User Guide's EventBridge event examples. */
const automationEventSchema = z.discriminatedUnion('detail-type', [
  z.object({
    ...envelope,
    'detail-type': z.literal(AUTOMATION_EXECUTION_DETAIL_TYPE),
    detail: z.object({ ...commonDetail, ExecutedBy: z.string().nullish() }),
  }),
  z.object({
    ...envelope,
    'detail-type': z.literal(AUTOMATION_STEP_DETAIL_TYPE),
    detail: z.object({ ...commonDetail, StepName: z.string().min(1), Action: z.string().nullish() }),
  }),
]);

type AutomationEventBridgeEvent = z.output<typeof automationEventSchema>;

/**
 * SSM Automation execution and step status changes from EventBridge, delivered to the topic by an
 * EventBridge rule. They are not incidents: the Alert carries `automation`, and intake passes it
 * to the runbook follower (which looks at a followed execution at once) instead of grouping it.
 */
export const eventBridgeAutomationParser: NotificationParser = {
  source: 'eventbridge-automation',
  async parse(notification) {
    return parseEventBridgeAutomation(notification);
  },
};

export function parseEventBridgeAutomation(notification: SnsNotification): Alert | undefined {
  const body = parseJsonObject(notification.message);
  const header = readEventBridgeHeader(body);
  if (header?.source !== 'aws.ssm' || !DETAIL_TYPES.includes(header.detailType)) return undefined;
  const event = parseClaimed(automationEventSchema, body, `an EventBridge "${header.detailType}"`);
  const { detail } = event;
  const document = detail.Definition ?? 'an Automation runbook';
  const stepName = 'StepName' in detail ? detail.StepName : undefined;
  const what = stepName ? `step ${stepName} of ${document}` : document;
  const title = `SSM Automation: ${what} is ${detail.Status}`;
  return clampAlert({
    source: 'eventbridge-automation',
    signalType: stepName ? 'automation:step-status' : 'automation:execution-status',
    title,
    detail: escapeMrkdwn(`${title} (execution ${detail.ExecutionId}).`),
    occurredAt: parseAwsTime(event.time) ?? notification.timestamp,
    facts: factsOf(event),
    automation: {
      executionId: detail.ExecutionId,
      status: detail.Status,
      ...(stepName ? { stepName } : {}),
    },
  });
}

function factsOf(event: AutomationEventBridgeEvent): AlertFact[] {
  const { detail } = event;
  const version = detail.DefinitionVersion === null ? undefined : detail.DefinitionVersion;
  const facts: AlertFact[] = [
    { label: 'Execution', value: detail.ExecutionId },
    { label: 'Document', value: `${detail.Definition ?? '?'}${version === undefined ? '' : ` v${version}`}` },
    { label: 'Status', value: detail.Status },
  ];
  if ('StepName' in detail) {
    facts.push({ label: 'Step', value: [detail.StepName, detail.Action].filter(Boolean).join(' · ') });
  }
  if (detail.StartTime || detail.EndTime) {
    facts.push({ label: 'Ran', value: `${detail.StartTime ?? '?'} → ${detail.EndTime ?? '…'}` });
  }
  if ('ExecutedBy' in detail && detail.ExecutedBy)
    facts.push({ label: 'Executed by', value: detail.ExecutedBy });
  return facts;
}
