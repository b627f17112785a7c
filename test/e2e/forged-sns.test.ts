import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import {
  buildForgedVariants,
  VARIANT_ALLOWED_TOPIC_ARNS,
  VARIANT_CERT_DIR,
} from '../intake/sns/forged-variants.ts';
import { readGenuineBody, readGenuineManifest } from '../intake/sns/genuine-fixtures.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

const clock = new ManualClock();
let harness: Harness;

beforeAll(async () => {
  const topics = VARIANT_ALLOWED_TOPIC_ARNS.map((arn) => `    - ${arn}`).join('\n');
  harness = await startHarness({
    clock,
    env: { SNS_CERT_DIR: VARIANT_CERT_DIR },
    yaml: `slack:\n  alertChannel: ${ALERT_CHANNEL}\nsns:\n  topicArns:\n${topics}\n`,
  });
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

describe('forged and malformed SNS messages over HTTP', () => {
  const variants = buildForgedVariants();

  it('has at least 30 of them', () => {
    expect(variants.length).toBeGreaterThanOrEqual(30);
  });

  it('refuses every one with a 4xx and its reason, and none reaches Slack', async () => {
    for (const variant of variants) {
      clock.set(variant.now);
      const response = await harness.postSns(variant.body);
      expect({ name: variant.name, status: response.status }).toEqual({
        name: variant.name,
        status: expect.toSatisfy((status: number) => status >= 400 && status < 500),
      });
      expect({ name: variant.name, body: await response.json() }).toMatchObject({
        body: { error: variant.reason },
      });
    }
    await harness.warroom.settled();
    expect(harness.slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await harness.warroom.store.countNotifications('pending')).toBe(0);
    expect(await harness.warroom.store.countNotifications('processed')).toBe(0);
  });
});

describe('genuine AWS-signed notifications over HTTP', () => {
  it('accepts each one and, not being incident sources, posts them raw and labelled', async () => {
    const notifications = readGenuineManifest().filter((entry) => entry.Type === 'Notification');
    let accepted = 0;
    for (const entry of notifications) {
      const body = readGenuineBody(entry.file);
      const envelope = JSON.parse(body) as { Timestamp: string; TopicArn: string };
      if (!VARIANT_ALLOWED_TOPIC_ARNS.includes(envelope.TopicArn)) continue;
      clock.set(envelope.Timestamp);
      const response = await harness.postSns(body);
      expect({ file: entry.file, status: response.status }).toEqual({ file: entry.file, status: 200 });
      accepted++;
    }
    await harness.warroom.settled();
    expect(accepted).toBeGreaterThanOrEqual(6);
    const cards = harness.slack.messages(ALERT_CHANNEL);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards)
      expect(JSON.stringify(card.blocks)).toContain('Unrecognised message, shown raw');
  });
});
