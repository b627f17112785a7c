import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../sandbox/slack/slack-emulator.ts';
import { signedMessage, signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import {
  ALERT_CHANNEL,
  defaultYaml,
  type Harness,
  startHarness,
  TEST_BOT_TOKEN,
} from '../support/warroom-harness.ts';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const withChannels = `${defaultYaml().replace('alertChannel: C0ALERTS', 'alertChannel: C0ALERTS\n  incidentChannels: true')}`;

async function start(options: { slackScopes?: string[] } = {}): Promise<Harness> {
  harness = await startHarness({ yaml: withChannels, ...options });
  await harness.warroom.settled();
  return harness;
}

function created(h: Harness) {
  return h.slack.callsTo('conversations.create').filter((call) => call.ok);
}

describe('incident channels', () => {
  it('opens a channel for a new impact-2 incident, posts the card there and links it from the alert channel', async () => {
    const h = await start();
    const [, failover] = signedOrdersDbScenario(new Date('2026-11-22T09:25:00Z'));
    expect((await h.postSns(failover!.body)).status).toBe(200);
    await h.warroom.settled();
    const [call] = created(h);
    if (!call) throw new Error('no channel was created');
    const channel = (call.response as { channel: { id: string; name: string } }).channel;
    const channelId = channel.id;
    expect(channel.name).toMatch(/^inc-\d{8}-1-orders-db-multi-az-instance-failover/);
    expect(h.slack.messages(channelId)).toHaveLength(1);
    expect(h.slack.messages(channelId)[0]?.text).toContain('INC-1');
    expect(JSON.stringify(h.slack.messages(ALERT_CHANNEL)[0]?.blocks)).toContain(`<#${channelId}>`);
    expect((await h.warroom.store.listTimeline(1)).map((entry) => entry.text)).toContainEqual(
      expect.stringContaining('opened the incident channel #inc-'),
    );
  });

  it('opens no channel for a medium-impact incident', async () => {
    const h = await start();
    const [alarm] = signedOrdersDbScenario();
    await h.postSns(alarm!.body);
    await h.warroom.settled();
    expect(created(h)).toHaveLength(0);
  });

  it('opens a channel for a declared incident, invites the declarer, and anyone who acts later', async () => {
    const h = await start();
    const declared = await h.warroom.triage.declare({
      title: 'Checkout errors',
      impact: 4,
      actor: { userId: 'U0ALICE' },
    });
    expect(declared.kind).toBe('declared');
    await h.warroom.settled();
    const incident = await h.warroom.store.getIncident(1);
    expect(incident?.channelId).toBeDefined();
    expect(h.slack.channel(incident?.channelId ?? '')?.members).toContain('U0ALICE');
    await h.warroom.triage.perform(1, { kind: 'acknowledge' }, { userId: 'U0BOB' });
    await h.warroom.settled();
    expect(h.slack.channel(incident?.channelId ?? '')?.members).toContain('U0BOB');
  });

  it('says on the card, in plain words, when the channel name is taken', async () => {
    const h = await start();
    const client = new webApi.WebClient(TEST_BOT_TOKEN, { slackApiUrl: h.slack.apiUrl });
    const title = 'Checkout errors';
    for (const suffix of ['', '-2']) {
      await client.conversations.create({
        name: `inc-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-1-checkout-errors${suffix}`,
      });
    }
    await h.warroom.triage.declare({ title, impact: 2, actor: { userId: 'U0ALICE' } });
    await h.warroom.settled();
    const incident = await h.warroom.store.getIncident(1);
    expect(incident?.channelId).toBeUndefined();
    expect(incident?.channelError).toContain('is taken');
    expect(JSON.stringify(h.slack.messages(ALERT_CHANNEL)[0]?.blocks)).toContain(
      'No incident channel: the channel name #inc-',
    );
  });

  it('names the missing scope when Slack refuses to create the channel', async () => {
    const h = await start({ slackScopes: DEFAULT_SCOPES.filter((scope) => scope !== 'channels:manage') });
    const unknown = signedMessage(JSON.stringify({ anything: true }));
    await h.postSns(unknown.body);
    await h.warroom.triage.declare({ title: 'DB down', impact: 1, actor: { userId: 'U0ALICE' } });
    await h.warroom.settled();
    const declared = (await h.warroom.store.listOpenIncidents()).find(
      (incident) => incident.source === 'declared',
    );
    expect(declared?.channelError).toBe(
      'warroom lacks the channels:manage scope; reinstall the app from manifest.yml',
    );
  });
});
