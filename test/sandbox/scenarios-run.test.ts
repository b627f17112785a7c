import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseNotification } from '../../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../../handlers/register-slack-handlers.ts';
import { type Sandbox, startSandbox } from '../../sandbox/run-sandbox.ts';
import { SANDBOX_ALERT_CHANNEL } from '../../sandbox/sandbox-account.ts';
import type { StoredMessage } from '../../sandbox/slack/types.ts';
import type { Incident } from '../../src/incidents/incident.ts';
import { sendSlashCommand } from '../support/slack-requests.ts';

let sandbox: Sandbox | undefined;
let output = '';

async function start(): Promise<Sandbox> {
  output = '';
  sandbox = await startSandbox({
    adapters: { parseNotification, registerSlackHandlers },
    port: 0,
    write: (text) => {
      output += text;
    },
  });
  await sandbox.warroom.settled();
  return sandbox;
}

afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

/** Top-level messages of the alert channel: the cards (thread replies left out). */
function cards(running: Sandbox): StoredMessage[] {
  return running.slack
    .messages(SANDBOX_ALERT_CHANNEL)
    .filter((message) => !message.thread_ts || message.thread_ts === message.ts);
}

async function incidents(running: Sandbox): Promise<Incident[]> {
  return (await running.warroom.store.listOpenIncidents()).sort((a, b) => a.seq - b.seq);
}

/** `/incident <text>` from Alice, as Slack sends it; answers the ephemeral reply's text. */
async function incidentCommand(running: Sandbox, text: string): Promise<string> {
  const responseUrl = running.slack.issueResponseUrl('U0ALICE', SANDBOX_ALERT_CHANNEL);
  const sent = await sendSlashCommand(
    running.warroom.url,
    { text, responseUrl, triggerId: running.slack.issueTriggerId('U0ALICE') },
    { secret: 'sandbox-signing-secret' },
  );
  expect(sent.status).toBe(200);
  const reply = await vi.waitFor(
    () => {
      const [post] = running.slack.responses(responseUrl);
      if (!post) throw new Error('no reply yet');
      return post;
    },
    { timeout: 5000, interval: 20 },
  );
  return reply.text ?? '';
}

describe('each built-in scenario run against the sandbox', () => {
  it('lists the six scenarios from their files', async () => {
    const running = await start();
    expect(running.scenarios()).toEqual([
      {
        id: 'rds-cpu-then-failover',
        title: 'RDS CPU alarm, then a Multi-AZ failover',
        description: 'CloudWatch CPUUtilization > 80 % on orders-db, then RDS reports the failover it did.',
      },
      expect.objectContaining({ id: 'aurora-storage-running-out' }),
      expect.objectContaining({ id: 'rds-alarm-storm' }),
      expect.objectContaining({ id: 'rds-public-snapshot' }),
      expect.objectContaining({ id: 'rds-unencrypted-prod-db' }),
      expect.objectContaining({ id: 'two-teams-at-once' }),
    ]);
    await expect(running.runScenario('no-such-drill')).rejects.toThrow(
      'No scenario "no-such-drill"; known: rds-cpu-then-failover, aurora-storage-running-out',
    );
  });

  it('rds-cpu-then-failover: one card for orders-db, updated in place by the failover', async () => {
    const running = await start();
    await running.runScenario('rds-cpu-then-failover');
    expect(cards(running)).toHaveLength(1);
    const [incident] = await incidents(running);
    expect(incident).toMatchObject({
      status: 'open',
      impact: 2,
      signalCount: 2,
      resource: { kind: 'rds-instance', id: 'orders-db' },
      source: 'cloudwatch-alarm',
    });
    expect(cards(running)[0]?.text).toContain('INC-1');
    expect(running.slack.callsTo('chat.update').length).toBeGreaterThanOrEqual(1);
    expect(output.match(/POST \/sns → 200/g)).toHaveLength(2);
  });

  it('dates a fast-paced story in the past: no event later than when it was published, spacing kept', async () => {
    const running = await start();
    const before = Date.now();
    await running.runScenario('rds-cpu-then-failover');
    const [incident] = await incidents(running);
    const failoverAt = incident?.latestSignal.at.getTime() ?? Number.NaN;
    expect(failoverAt).toBeLessThanOrEqual(Date.now());
    expect(failoverAt).toBeGreaterThanOrEqual(before - 1000);
    // The alarm opened the incident 90 s of story time before the failover.
    const timeline = await running.warroom.store.listTimeline(incident?.seq ?? 0);
    const alarm = timeline.find((entry) => entry.kind === 'opened');
    expect(failoverAt - (alarm?.at.getTime() ?? 0)).toBe(90_000);
  });

  it('rds-public-snapshot: one impact-2 card for the snapshot, and `rds check` shows it public', async () => {
    const running = await start();
    await running.runScenario('rds-public-snapshot');
    expect(cards(running)).toHaveLength(1);
    const [incident] = await incidents(running);
    expect(incident).toMatchObject({
      status: 'open',
      impact: 2,
      source: 'cloudtrail',
      resource: { kind: 'rds-snapshot', id: 'orders-db-manual-2026-11-22' },
      title: 'Snapshot orders-db-manual-2026-11-22 made PUBLIC by contractor-etl',
    });
    const check = await incidentCommand(running, 'rds INC-1 check');
    expect(check).toContain('database check of DB snapshot `orders-db-manual-2026-11-22`');
    expect(check).toMatch(/✗ \*The snapshot is public\*/);
    expect(check).toContain('/incident runbook INC-1 make-snapshot-private');
  });

  it('rds-unencrypted-prod-db: one card for billing-db, and `rds check` shows the ✗ on encryption', async () => {
    const running = await start();
    await running.runScenario('rds-unencrypted-prod-db');
    expect(cards(running)).toHaveLength(1);
    const [incident] = await incidents(running);
    expect(incident).toMatchObject({
      status: 'open',
      impact: 3,
      resource: { kind: 'rds-instance', id: 'billing-db' },
      title: 'DatabaseConnections > 400 on billing-db',
    });
    expect(running.aws.state.rds.instances.get('billing-db')?.TagList).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'billing' },
    ]);
    const check = await incidentCommand(running, 'rds INC-1 check');
    const failures = check.split('\n').filter((line) => line.startsWith('✗'));
    expect(failures.map((line) => /^✗ \*([^*]+)\*/.exec(line)?.[1])).toEqual([
      'Storage is not encrypted',
      'Unencrypted manual snapshots: billing-db-before-upgrade',
    ]);
    expect(check).toContain('/incident runbook INC-1 encrypted-snapshot');
  });

  it('aurora-storage-running-out: alarm, Chatbot and RDS event make one impact-2 card for the cluster', async () => {
    const running = await start();
    await running.runScenario('aurora-storage-running-out');
    expect(cards(running)).toHaveLength(1);
    const [incident] = await incidents(running);
    expect(incident).toMatchObject({
      status: 'open',
      impact: 2,
      signalCount: 3,
      resource: { kind: 'rds-cluster', id: 'payments-aurora' },
      title: 'AuroraVolumeBytesLeftTotal < 1 TiB on payments-aurora',
    });
    expect(incident?.latestSignal.signalType).toBe('rds-event:low-storage');
    // The earlier forecast is as severe as RDS's notice and came first: the card keeps it in view.
    const card = JSON.stringify(cards(running)[0]?.blocks);
    expect(card).toMatch(
      /Most severe open signal\* \(impact 2 · High\)[^"]*\\n\*:chart_with_upwards_trend: payments-aurora volume full in ~6 h\*/,
    );
    expect(card).toMatch(
      /Latest signal\*[^"]*\\n\*payments-aurora:\* Your Aurora cluster's storage is dangerously low/,
    );
    expect(card).toContain('3 signals, all in `/incident timeline INC-1`');
    expect(card).not.toContain('1099511627776');
    const status = await incidentCommand(running, 'rds INC-1 status');
    expect(status).toContain('payments-aurora-1');
    expect(status).toContain('payments-aurora-2');
  });

  it('rds-alarm-storm: 40 alarms on 20 databases make one storm card; each database is still an incident', async () => {
    const running = await start();
    await running.runScenario('rds-alarm-storm');
    const open = await incidents(running);
    const members = open.filter((incident) => incident.stormSeq !== undefined);
    expect(members.map((incident) => incident.resource?.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `orders-shard-${String(i + 1).padStart(2, '0')}`),
    );
    expect(members.every((incident) => incident.signalCount === 2 && incident.status === 'open')).toBe(true);
    const storms = open.filter((incident) => incident.storm);
    expect(storms.map((storm) => storm.title)).toEqual(['Storm: CPUUtilization alarms on 20 resources']);
    // The storm's card, and at most the four shards that came before the storm formed (updated to say so).
    const posted = cards(running);
    const stormCards = posted.filter((card) => card.text.includes('Storm:'));
    expect(stormCards).toHaveLength(1);
    expect(posted.length).toBeLessThanOrEqual(5);
    // Where the shards run, learnt from the emulator's DescribeDBInstances after intake.
    expect(JSON.stringify(stormCards[0]?.blocks)).toContain(
      'CPUUtilization alarms · AZs us-east-1a (7), us-east-1b (7), us-east-1c (6)',
    );
    expect(output.match(/POST \/sns → 200/g)).toHaveLength(40);
  }, 120_000);
});
