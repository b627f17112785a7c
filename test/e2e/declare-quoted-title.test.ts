import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { ALERT_CHANNEL, defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    yaml: `${defaultYaml()}incidents:\n  responsePlanArn: arn:aws:ssm-incidents::123456789012:response-plan/db\n`,
  });
  harness.aws.state.incidents.addResponsePlan({ name: 'db', title: 'Database incident', impact: 3 });
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

describe('/incident declare with a quoted title', () => {
  it('keeps the quotes out of the title, the reply, the card and Incident Manager', async () => {
    // Slack's Mac client types “smart” quotes; the person meant one title, then the impact.
    const { reply } = await runIncidentCommand(harness, 'declare “Checkout latency” 2');
    expect(reply.text).toContain('You declared *INC-1* · Checkout latency (impact 2 · High)');
    expect(await harness.warroom.store.getIncident(1)).toMatchObject({
      title: 'Checkout latency',
      impact: 2,
    });
    await harness.warroom.settled();
    const card = harness.slack.messages(ALERT_CHANNEL).find((message) => message.text.includes('INC-1'));
    const header = ((card?.blocks ?? []) as Array<{ block_id?: string; text?: { text: string } }>).find(
      (block) => block.block_id === 'warroom_card_header',
    );
    expect(header?.text?.text).toBe('🟠 INC-1 · Checkout latency');
    const arn = await vi.waitFor(
      async () => {
        const linked = (await harness.warroom.store.getIncident(1))?.incidentManagerArn;
        if (!linked) throw new Error('not started in Incident Manager yet');
        return linked;
      },
      { timeout: 5000, interval: 50 },
    );
    expect(harness.aws.state.incidents.incidentRecords.get(arn)?.title).toBe('Checkout latency');
  });

  it('answers a quote left open with the problem and the usage, and declares nothing', async () => {
    const { reply } = await runIncidentCommand(harness, 'declare "Checkout latency 2');
    expect(reply.text).toContain('The quote before `Checkout latency 2` is never closed');
    expect(reply.text).toContain('Usage: `/incident declare <title> [impact]`');
    expect(await harness.warroom.store.getIncident(2)).toBeUndefined();
  });
});
