import { describe, expect, it } from 'vitest';
import { parseEventBridgeAutomation } from '../../../handlers/notifications/eventbridge-automation.ts';
import { parseNotification } from '../../../handlers/notifications/index.ts';
import {
  buildContext,
  loadPayload,
  notificationFromEnvelope,
  notificationOf,
  variantOf,
} from './notification-fixtures.ts';

const executionEvent = loadPayload('eventbridge-ssm-automation-execution.json');
const stepEvent = loadPayload('eventbridge-ssm-automation-step.json');
const EXECUTION_ID = '333ba70b-2333-48db-b17e-a5e69c6f4d1c';

describe('parseEventBridgeAutomation', () => {
  it('reads an Automation Execution Status-change Notification as an automation event, not an incident', () => {
    const alert = parseEventBridgeAutomation(notificationOf(executionEvent));
    expect(alert).toMatchObject({
      source: 'eventbridge-automation',
      signalType: 'automation:execution-status',
      title: 'SSM Automation: runcommand1 is Success',
      automation: { executionId: EXECUTION_ID, status: 'Success' },
      facts: [
        { label: 'Execution', value: EXECUTION_ID },
        { label: 'Document', value: 'runcommand1 v1' },
        { label: 'Status', value: 'Success' },
        { label: 'Ran', value: 'Nov 29, 2024 7:43:20 PM → Nov 29, 2024 7:43:26 PM' },
        { label: 'Executed by', value: 'arn:aws:iam::123456789012:user/userName' },
      ],
    });
    expect(alert?.automation).not.toHaveProperty('stepName');
    expect(alert?.resource).toBeUndefined();
    expect(alert?.occurredAt.toISOString()).toBe('2024-11-29T19:43:35.000Z');
  });

  it('reads an Automation Step Status-change Notification with its step name and action', () => {
    const alert = parseEventBridgeAutomation(notificationOf(stepEvent));
    expect(alert).toMatchObject({
      source: 'eventbridge-automation',
      signalType: 'automation:step-status',
      title: 'SSM Automation: step runFixedCmds of runcommand1 is Success',
      automation: { executionId: EXECUTION_ID, status: 'Success', stepName: 'runFixedCmds' },
    });
    expect(alert?.facts).toContainEqual({ label: 'Step', value: 'runFixedCmds · aws:runCommand' });
  });

  it('reads the event delivered through an SNS target (compact JSON, no Subject)', () => {
    const alert = parseEventBridgeAutomation(
      notificationFromEnvelope('sns-envelope-eventbridge-ssm-automation-execution.json'),
    );
    expect(alert?.automation).toEqual({ executionId: EXECUTION_ID, status: 'Success' });
  });

  it('dates the event by the SNS timestamp when the envelope has no time', () => {
    const event = variantOf(executionEvent, (e) => {
      delete e['time'];
    });
    const alert = parseEventBridgeAutomation(notificationOf(event));
    expect(alert?.occurredAt.toISOString()).toBe('2024-05-14T12:00:00.000Z');
  });

  it('escapes mrkdwn in what the event says', () => {
    const event = variantOf(executionEvent, (e) => {
      (e['detail'] as Record<string, unknown>)['Definition'] = '<!channel>';
    });
    expect(parseEventBridgeAutomation(notificationOf(event))?.detail).toContain('&lt;!channel&gt;');
  });

  it('leaves other aws.ssm events and other sources to other parsers', () => {
    const other = variantOf(executionEvent, (e) => {
      e['detail-type'] = 'Parameter Store Change';
    });
    expect(parseEventBridgeAutomation(notificationOf(other))).toBeUndefined();
    expect(parseEventBridgeAutomation(notificationOf(loadPayload('eventbridge-rds-snapshot.json')))).toBe(
      undefined,
    );
    expect(parseEventBridgeAutomation(notificationOf('plain text'))).toBeUndefined();
  });

  it('refuses a claimed automation event that breaks the schema (PARSE.INVALID)', () => {
    const noStep = variantOf(stepEvent, (e) => {
      delete (e['detail'] as Record<string, unknown>)['StepName'];
    });
    expect(() => parseEventBridgeAutomation(notificationOf(noStep))).toThrow(
      /Looked like an EventBridge "EC2 Automation Step Status-change Notification" but detail\.StepName/,
    );
  });
});

describe('parseNotification with a malformed automation event', () => {
  it('falls back to the raw alert with the reason, like other parsers', async () => {
    const badId = variantOf(executionEvent, (e) => {
      (e['detail'] as Record<string, unknown>)['ExecutionId'] = 'not-an-execution-id';
    });
    const alert = await parseNotification(notificationOf(badId), buildContext());
    expect(alert).toMatchObject({ source: 'unknown', signalType: 'unknown:raw' });
    expect(alert.automation).toBeUndefined();
    expect(alert.detail).toMatch(/^Looked like an EventBridge "EC2 Automation Execution Status-change/);
    expect(alert.detail).toContain('detail.ExecutionId');
  });

  it('routes both documented events to this parser', async () => {
    for (const event of [executionEvent, stepEvent]) {
      const alert = await parseNotification(notificationOf(event), buildContext());
      expect(alert.source).toBe('eventbridge-automation');
    }
  });
});
