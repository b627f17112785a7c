import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

// The orders-db alarm comes from account 123456789012 in us-east-1 (the test topic's account).
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    yaml: `${defaultYaml()}accounts:\n  "123456789012": {name: prod-payments, stage: prod}\n`,
  });
  const [alarm] = signedOrdersDbScenario(new Date());
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

describe('an account named in accounts:', () => {
  it('is named on the incident card instead of its id', () => {
    const card = harness.slack.messages(ALERT_CHANNEL).find((message) => !message.thread_ts);
    const text = JSON.stringify(card?.blocks);
    expect(text).toContain('*Account*\\nprod-payments (us-east-1)');
    expect(text).not.toContain('123456789012 ·');
  });

  it('is named by /incident show and /incident list', async () => {
    const show = await runIncidentCommand(harness, 'show INC-1');
    expect(show.all).toContain('prod-payments (us-east-1)');
    const list = await runIncidentCommand(harness, 'list');
    expect(list.all).toContain('prod-payments (us-east-1)');
  });
});
