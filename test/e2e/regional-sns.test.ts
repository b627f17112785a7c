import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import {
  buildRegionalTestMessage,
  REGIONAL_SIGNED_AT,
  type RegionalTestMessage,
} from '../intake/sns/regional-test-message.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

const CAPE_TOWN = 'arn:aws:sns:af-south-1:123456789012:alarms';
const BEIJING = 'arn:aws-cn:sns:cn-north-1:123456789012:alarms';

// Certificates as AWS names them in each Region (docs/sns-signing.md), and one with the wrong name.
const capeTown = buildRegionalTestMessage(CAPE_TOWN, 'sns-signing.af-south-1.amazonaws.com', [
  'sns-signing.af-south-1.amazonaws.com',
  'sns.af-south-1.amazonaws.com',
]);
const beijing = buildRegionalTestMessage(BEIJING, 'sns-cn-north-1.amazonaws.com.cn', [
  'sns-cn-north-1.amazonaws.com.cn',
]);
const capeTownCommercialName = buildRegionalTestMessage(CAPE_TOWN, 'sns.amazonaws.com', [
  'sns.amazonaws.com',
]);

const served: readonly RegionalTestMessage[] = [capeTown, beijing, capeTownCommercialName];
const clock = new ManualClock(REGIONAL_SIGNED_AT);
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    clock,
    yaml: `slack:\n  alertChannel: ${ALERT_CHANNEL}\nsns:\n  topicArns:\n    - ${CAPE_TOWN}\n    - ${BEIJING}\n`,
    // Served as SNS serves them, from their SigningCertURL; nothing pinned matches these names.
    start: {
      fetchPem: async (url) => {
        const message = served.find((candidate) => candidate.certUrl === url);
        if (message === undefined) throw new Error(`no certificate at ${url}`);
        return message.pem;
      },
    },
  });
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

describe('SNS messages from an opt-in Region and from China over HTTP', () => {
  it('accepts an af-south-1 and a cn-north-1 message signed by their Regions’ certificates', async () => {
    for (const message of [capeTown, beijing]) {
      const response = await harness.postSns(message.body);
      expect({ url: message.certUrl, status: response.status }).toEqual({
        url: message.certUrl,
        status: 200,
      });
    }
    await harness.warroom.settled();
    const cards = harness.slack.messages(ALERT_CHANNEL).map((card) => JSON.stringify(card.blocks));
    expect(cards).toHaveLength(2);
    expect(cards.some((card) => card.includes('Signed in af-south-1'))).toBe(true);
    expect(cards.some((card) => card.includes('Signed in cn-north-1'))).toBe(true);
  });

  it('refuses an af-south-1 message whose certificate names sns.amazonaws.com', async () => {
    const response = await harness.postSns(capeTownCommercialName.body);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'cert_invalid' });
    await harness.warroom.settled();
    expect(harness.slack.messages(ALERT_CHANNEL)).toHaveLength(2);
  });
});
