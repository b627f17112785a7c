import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotification } from '../../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../../handlers/register-slack-handlers.ts';
import { type Sandbox, startSandbox } from '../../sandbox/run-sandbox.ts';
import {
  SANDBOX_ALERT_CHANNEL,
  SANDBOX_PAYMENTS_CHANNEL,
  SANDBOX_PAYMENTS_GROUP,
} from '../../sandbox/sandbox-account.ts';
import { conversationsFor } from '../../sandbox/workspace/conversation-directory.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    adapters: { parseNotification, registerSlackHandlers },
    port: 0,
    write: () => {},
    team: true,
  });
  await sandbox.runScenario('two-teams-at-once');
  await sandbox.warroom.settled();
});

afterAll(async () => {
  await sandbox.stop();
});

const cardsIn = (channel: string) => sandbox.slack.messages(channel).filter((message) => !message.thread_ts);
const incidentAbout = async (resource: string) =>
  (await sandbox.warroom.store.listOpenIncidents()).find((incident) => incident.resource?.id === resource);
const dmsTo = (user: string) =>
  sandbox.slack.callsTo('chat.postMessage').filter((call) => {
    const channel = String(call.args.channel);
    return channel.startsWith('D') && sandbox.slack.channel(channel)?.members.includes(user);
  });

describe('the browser sandbox routes two teams (team: true, two-teams-at-once)', () => {
  it('shows #payments-alerts beside #alerts in the workspace, for the payments people too', () => {
    const labels = (user: string) => conversationsFor(sandbox.slack, user).map((entry) => entry.label);
    expect(labels('U0DANA')).toEqual(expect.arrayContaining(['alerts', 'payments-alerts']));
    expect(sandbox.slack.channel(SANDBOX_PAYMENTS_CHANNEL)?.members).toContain('U0WARBOT');
  });

  it("puts orders-db's card in #alerts as team checkout, and nothing of it in #payments-alerts", async () => {
    const incident = await incidentAbout('orders-db');
    // The checkout route names no channel: its cards go to the alert channel.
    expect(incident?.route).toEqual({ name: 'checkout', team: 'checkout' });
    const card = cardsIn(SANDBOX_ALERT_CHANNEL).find((message) => message.text.includes('orders-db'));
    expect(JSON.stringify(card?.blocks)).toContain('*Team*\\ncheckout');
    expect(cardsIn(SANDBOX_PAYMENTS_CHANNEL).some((message) => message.text.includes('orders-db'))).toBe(
      false,
    );
  });

  it("puts payments-aurora's card in #payments-alerts as team payments, and pages @payments, not the rotation", async () => {
    const incident = await incidentAbout('payments-aurora');
    expect(incident?.route).toMatchObject({
      name: 'payments',
      channel: SANDBOX_PAYMENTS_CHANNEL,
      policy: 'payments',
      team: 'payments',
    });
    const [card] = cardsIn(SANDBOX_PAYMENTS_CHANNEL);
    expect(card?.text).toContain('payments-aurora');
    expect(JSON.stringify(card?.blocks)).toContain('*Team*\\npayments');
    expect(cardsIn(SANDBOX_ALERT_CHANNEL).some((message) => message.text.includes('payments-aurora'))).toBe(
      false,
    );
    const thread = sandbox.slack
      .messages(SANDBOX_PAYMENTS_CHANNEL)
      .filter((message) => message.thread_ts === card?.ts && message.ts !== card?.ts);
    expect(thread.some((message) => message.text.includes(`<!subteam^${SANDBOX_PAYMENTS_GROUP}>`))).toBe(
      true,
    );
    const seq = `INC-${incident?.seq}`;
    expect(dmsTo('U0DANA').some((call) => String(call.args.text).includes(seq))).toBe(true);
    expect(dmsTo('U0CAROL').some((call) => String(call.args.text).includes(seq))).toBe(true);
    // Bob is on the rotation only: the payments policy does not page him.
    expect(dmsTo('U0BOB').some((call) => String(call.args.text).includes(seq))).toBe(false);
  });
});
