import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseNotification } from '../../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../../handlers/register-slack-handlers.ts';
import { SANDBOX_SIGNING_SECRET, type Sandbox, startSandbox } from '../../sandbox/run-sandbox.ts';
import { SANDBOX_ALERT_CHANNEL, SANDBOX_RESPONSE_PLAN_ARN } from '../../sandbox/sandbox-account.ts';
import { sendSlashCommand } from '../support/slack-requests.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    adapters: { parseNotification, registerSlackHandlers },
    port: 0,
    write: () => {},
    team: true,
  });
});

afterAll(async () => {
  await sandbox.stop();
});

describe('the browser sandbox runs warroom as a team would (team: true)', () => {
  it('pages whoever is on call as the incident opens: in the card thread and by DM', async () => {
    await sandbox.runScenario('rds-cpu-then-failover');
    await sandbox.warroom.settled();
    const [card] = sandbox.slack.messages(SANDBOX_ALERT_CHANNEL).filter((message) => !message.thread_ts);
    const thread = sandbox.slack
      .messages(SANDBOX_ALERT_CHANNEL)
      .filter((message) => message.thread_ts === card?.ts && message.ts !== card?.ts);
    const page = thread.find((message) => message.text.includes('needs you'));
    expect(page?.text).toMatch(
      /<@U0(BOB|CAROL)>: INC-1 needs you, it is \d · \w+ and nobody has acknowledged it yet/,
    );
    const paged = page?.text.includes('<@U0BOB>') ? 'U0BOB' : 'U0CAROL';
    const dms = sandbox.slack.callsTo('chat.postMessage').filter((call) => {
      const channel = String(call.args.channel);
      return channel.startsWith('D') && sandbox.slack.channel(channel)?.members.includes(paged);
    });
    expect(dms).toHaveLength(1);
  });

  it('starts an Incident Manager record from the sandbox response plan for a declared incident', async () => {
    const responseUrl = sandbox.slack.issueResponseUrl('U0ALICE', SANDBOX_ALERT_CHANNEL);
    const sent = await sendSlashCommand(
      sandbox.warroom.url,
      { text: 'declare Checkout is slow 2', responseUrl, triggerId: sandbox.slack.issueTriggerId('U0ALICE') },
      { secret: SANDBOX_SIGNING_SECRET },
    );
    expect(sent.status).toBe(200);
    await vi.waitFor(
      () => {
        const started = sandbox.aws.requestsTo('ssm-incidents', 'StartIncident').filter((r) => !r.error);
        expect(started.map((request) => request.input)).toEqual([
          expect.objectContaining({ responsePlanArn: SANDBOX_RESPONSE_PLAN_ARN }),
        ]);
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('opens a channel for the declared incident, and for INC-1 once its failover raised it to 2 · High', async () => {
    await vi.waitFor(
      () => {
        const created = sandbox.slack.callsTo('conversations.create').filter((call) => call.ok);
        expect(created.map((call) => String(call.args.name)).sort()).toEqual([
          expect.stringMatching(/^inc-\d{8}-1-cpuutilization-80-on-orders-db$/),
          expect.stringMatching(/^inc-\d{8}-2-checkout-is-slow$/),
        ]);
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});
