import { describe, expect, it } from 'vitest';
import { readQueueRegion } from '../../../src/aws/aws-clients.ts';
import { loadConfig } from '../../../src/config/load-config.ts';

const yaml = 'slack:\n  alertChannel: C0123ALERTS\n';
const files = {
  exists: (path: string) => path === '/etc/warroom.yml',
  read: () => yaml,
  isDirectory: () => false,
};
const env = {
  SLACK_BOT_TOKEN: 'xoxb-123-456-abc',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  AWS_REGION: 'us-east-1',
  WARROOM_CONFIG: '/etc/warroom.yml',
};

describe('SQS_QUEUE_URL', () => {
  it('turns SQS intake on with the queue URL', () => {
    const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/warroom-intake';
    const result = loadConfig({ ...env, SQS_QUEUE_URL: queueUrl }, files);
    expect(result).toMatchObject({ ok: true, config: { sqs: { queueUrl } } });
  });

  it('leaves SQS intake off when unset', () => {
    const result = loadConfig(env, files);
    expect(result.ok && result.config.sqs).toBe(undefined);
  });

  it.each([
    'https://sqs.us-east-1.amazonaws.com/warroom-intake',
    'https://sqs.us-east-1.amazonaws.com/123456789012/intake.fifo',
    'arn:aws:sqs:us-east-1:123456789012:warroom-intake',
  ])('refuses %s, saying what a queue URL looks like', (queueUrl) => {
    const result = loadConfig({ ...env, SQS_QUEUE_URL: queueUrl }, files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/^SQS_QUEUE_URL: expected an SQS queue URL/m);
  });

  it('signs for the region the queue URL names', () => {
    expect(readQueueRegion('https://sqs.eu-west-1.amazonaws.com/123456789012/q')).toBe('eu-west-1');
    expect(readQueueRegion('https://ap-south-1.queue.amazonaws.com/123456789012/q')).toBe('ap-south-1');
    expect(readQueueRegion('https://vpce-1.sqs.us-east-1.vpce.amazonaws.com/123456789012/q')).toBe(undefined);
  });
});
