import { applyAlert } from '../../../src/incidents/apply-alert.ts';
import type { Alert } from '../../../src/signals/alert.ts';
import type { Store } from '../../../src/store/store.ts';

/** When every signal of these fixtures happened (and was received). */
export const signalAt = new Date('2026-11-22T09:00:00Z');

const alert: Alert = {
  source: 'cloudwatch-alarm',
  signalType: 'cloudwatch-alarm:ALARM',
  title: 'CPU high on orders-db',
  detail: 'd',
  occurredAt: signalAt,
  resource: { kind: 'rds-instance', id: 'orders-db', region: 'us-east-1', accountId: '123456789012' },
  facts: [],
};

/** A verified SNS notification as the inbox saves it. */
export function notification(messageId: string) {
  return {
    messageId,
    topicArn: 'arn:aws:sns:us-east-1:123456789012:t',
    message: '{}',
    timestamp: signalAt,
    receivedAt: signalAt,
  };
}

/** Applies the CPU alarm under `groupKey` as intake does: opens an impact-3 incident or updates the open one. */
export function applyCpuAlarm(store: Store, messageId: string, groupKey = 'k1') {
  return store.applySignal(messageId, groupKey, signalAt, (open) =>
    applyAlert({ open, alert, decision: { effect: 'open', impact: 3 }, groupKey, messageId, now: signalAt }),
  );
}
