import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  buildSignedNotification,
  buildSignedSubscriptionConfirmation,
  SANDBOX_SNS_CERT_DIR,
} from '../../../sandbox/sns/sign-sns-message.ts';
import type { SqsReceivedMessage } from '../../../src/aws/sqs-port.ts';
import { ManualClock } from '../../../src/clock.ts';
import { createCertificateSource } from '../../../src/intake/sns/certificate-source.ts';
import { verifySnsMessage } from '../../../src/intake/sns/verify-sns-message.ts';
import {
  createSqsMessageHandler,
  type SqsMessageHandlerDeps,
} from '../../../src/intake/sqs/handle-sqs-message.ts';
import { createLogger } from '../../../src/logger.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:warroom-alerts';
const clock = new ManualClock(new Date());

function setup(overrides: Partial<SqsMessageHandlerDeps> & { certDir?: string } = {}) {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'warroom-sqs-')), 'warroom.db'));
  const certificates = createCertificateSource({
    pinnedDir: overrides.certDir ?? SANDBOX_SNS_CERT_DIR,
    fetchPem: async () => {
      throw new Error('network is down');
    },
  });
  const onStored = vi.fn();
  const confirmSubscription = vi.fn(async () => ({ subscriptionArn: `${TOPIC}:sub-1` }));
  const handle = createSqsMessageHandler({
    verify: (raw) => verifySnsMessage(raw, { allowedTopicArns: [TOPIC], certificates, clock }),
    confirmSubscription,
    store,
    onStored,
    clock,
    logger: createLogger({ level: 'silent' }),
    ...overrides,
  });
  return { store, handle, onStored, confirmSubscription };
}

const received = (body: string, receiveCount = 1): SqsReceivedMessage => ({
  sqsMessageId: 'sqs-1',
  receiptHandle: 'handle-1',
  body,
  receiveCount,
});

describe('handling one SQS message', () => {
  it('stores a verified Notification in the inbox, and a redelivery is a duplicate', async () => {
    const { store, handle, onStored } = setup();
    const body = buildSignedNotification({
      topicArn: TOPIC,
      message: '{"AlarmName":"cpu"}',
      messageId: 'sns-1',
    });
    expect(await handle(received(body))).toEqual({ outcome: 'stored', delete: true });
    expect(await handle(received(body, 2))).toEqual({ outcome: 'duplicate', delete: true });
    expect(await store.countNotifications('pending')).toBe(1);
    expect(onStored).toHaveBeenCalledTimes(2);
  });

  it('confirms a SubscriptionConfirmation through ConfirmSubscription, then lets it be deleted', async () => {
    const { handle, confirmSubscription } = setup();
    const body = buildSignedSubscriptionConfirmation({ topicArn: TOPIC, token: 'token-1' });
    expect(await handle(received(body))).toEqual({ outcome: 'confirmed', delete: true });
    expect(confirmSubscription).toHaveBeenCalledWith(TOPIC, 'token-1');
  });

  it('keeps a SubscriptionConfirmation whose confirmation failed, for redelivery', async () => {
    const { handle } = setup({
      confirmSubscription: async () => {
        throw new Error('SNS is unavailable');
      },
    });
    const body = buildSignedSubscriptionConfirmation({ topicArn: TOPIC, token: 'token-2' });
    expect(await handle(received(body))).toEqual({
      outcome: 'kept',
      reason: 'confirm_failed',
      delete: false,
    });
  });

  it.each([
    ['malformed_json', 'this is not JSON'],
    ['raw_delivery', '{"AlarmName":"cpu","NewStateValue":"ALARM"}'],
    ['invalid_envelope', '{"Type":"Notification","Signature":"x"}'],
    [
      'bad_signature',
      buildSignedNotification({ topicArn: TOPIC, message: 'original' }).replace('original', 'forged'),
    ],
    [
      'topic_not_allowed',
      buildSignedNotification({ topicArn: 'arn:aws:sns:us-east-1:123456789012:someone-else', message: 'm' }),
    ],
  ])('rejects a %s body for deletion and stores nothing', async (reason, body) => {
    const { store, handle, onStored } = setup();
    expect(await handle(received(body))).toEqual({ outcome: 'rejected', reason, delete: true });
    expect(await store.countNotifications('pending')).toBe(0);
    expect(onStored).not.toHaveBeenCalled();
  });

  it('keeps a message whose signing certificate could not be fetched', async () => {
    const { handle, store } = setup({ certDir: mkdtempSync(join(tmpdir(), 'no-certs-')) });
    const body = buildSignedNotification({ topicArn: TOPIC, message: 'm' });
    expect(await handle(received(body))).toEqual({
      outcome: 'kept',
      reason: 'cert_unavailable',
      delete: false,
    });
    expect(await store.countNotifications('pending')).toBe(0);
  });

  it('keeps a message the store could not write', async () => {
    const { handle, onStored } = setup({
      store: {
        saveNotification: async () => {
          throw new Error('disk full');
        },
      },
    });
    const body = buildSignedNotification({ topicArn: TOPIC, message: 'm' });
    expect(await handle(received(body))).toEqual({ outcome: 'kept', reason: 'store_failed', delete: false });
    expect(onStored).not.toHaveBeenCalled();
  });
});
