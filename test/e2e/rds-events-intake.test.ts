import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedMessage } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

// Signed SNS into POST /sns, cards in the local Slack: RDS events by ID (documented, multi-category,
// unknown), CloudTrail's risky RDS calls, and alarms on non-RDS resources.

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const PAYLOADS = new URL('../fixtures/payloads/', import.meta.url);
const payload = (name: string) => JSON.parse(readFileSync(new URL(name, PAYLOADS), 'utf8'));

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

/** An RDS event notification Message as RDS sends it to SNS (keys with spaces, ID as a doc URL). */
function rdsEvent(db: string, eventId: string, message: string): string {
  return JSON.stringify({
    'Event Source': 'db-instance',
    'Event Time': '2026-11-22 09:42:18.302',
    'Identifier Link': `https://console.aws.amazon.com/rds/home?region=${REGION}#dbinstance:id=${db}`,
    'Source ID': db,
    'Source ARN': `arn:aws:rds:${REGION}:${ACCOUNT}:db:${db}`,
    'Event ID': `http://docs.amazonwebservices.com/AmazonRDS/latest/UserGuide/USER_Events.html#${eventId}`,
    'Event Message': message,
  });
}

/** The shipped single-metric alarm Message, re-pointed at an EC2 instance. */
function ec2Alarm(name: string, metric: string, instanceId: string): string {
  const alarm = payload('cloudwatch-alarm-rds.message.json');
  alarm.AlarmName = name;
  alarm.AlarmDescription = `${metric} on the checkout host`;
  alarm.AWSAccountId = ACCOUNT;
  alarm.AlarmArn = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}`;
  alarm.StateChangeTime = '2026-11-22T09:50:07.421+0000';
  alarm.Trigger.Namespace = 'AWS/EC2';
  alarm.Trigger.MetricName = metric;
  alarm.Trigger.Dimensions = [{ value: instanceId, name: 'InstanceId' }];
  alarm.Trigger.Threshold = 80;
  return JSON.stringify(alarm);
}

async function send(message: string, subject?: string): Promise<void> {
  const response = await harness.postSns(signedMessage(message, subject ? { subject } : {}).body);
  expect(response.status).toBe(200);
  await harness.warroom.settled();
}

function posts() {
  return harness.slack.callsTo('chat.postMessage').filter((call) => call.ok);
}

function cardOf(seq: number) {
  const card = harness.slack.messages(ALERT_CHANNEL).find((message) => message.text.includes(`INC-${seq}`));
  return { ...card, json: JSON.stringify(card?.blocks ?? []) };
}

async function signalTypes(seq: number) {
  return (await harness.warroom.store.listTimeline(seq)).flatMap((entry) =>
    entry.signalType ? [`${entry.kind} ${entry.signalType}`] : [],
  );
}

describe('RDS events, CloudTrail calls and alarms end to end', () => {
  it('opens a card for an RDS Custom failure (RDS-EVENT-0282) that SNS delivers without a category', async () => {
    await send(
      rdsEvent(
        'custom-oracle-1',
        'RDS-EVENT-0282',
        "RDS Custom couldn't modify the DB instance because the Elastic IP permissions aren't correct.",
      ),
    );
    expect(posts()).toHaveLength(1);
    const card = cardOf(1);
    expect(card.json).toContain('custom-oracle-1');
    expect(card.json).toContain('RDS-EVENT-0282 (failure)');
    expect(await harness.warroom.store.getIncident(1)).toMatchObject({ impact: 2, source: 'rds-event' });
    expect(await signalTypes(1)).toEqual(['opened rds-event:failure']);
  });

  it("shows an event ID warroom does not know on the resource's open incident, changing nothing else", async () => {
    await send(rdsEvent('custom-oracle-1', 'RDS-EVENT-0999', 'A brand-new kind of RDS event.'));
    expect(posts()).toHaveLength(1);
    const card = cardOf(1);
    // The card sets the headline's resource part in bold: "*Unknown … on custom-oracle-1:* A brand-new…".
    expect(card.json).toContain(
      'Unknown RDS event RDS-EVENT-0999 on custom-oracle-1:* A brand-new kind of RDS event.',
    );
    expect(card.json).toContain("not in warroom's list of AWS's RDS events, read 2026-04-08");
    expect(await signalTypes(1)).toEqual(['opened rds-event:failure', 'annotation rds-event:unknown']);
    expect((await harness.warroom.store.getIncident(1))?.impact).toBe(2);
  });

  it('opens a card labelled as an unknown RDS event when nothing is open for its resource', async () => {
    await send(rdsEvent('billing-db', 'RDS-EVENT-0999', 'A brand-new kind of RDS event.'));
    expect(posts()).toHaveLength(2);
    const card = cardOf(2);
    expect(card.text).toContain('Unknown RDS event RDS-EVENT-0999 on billing-db');
    expect(await harness.warroom.store.getIncident(2)).toMatchObject({
      impact: 4,
      resource: { id: 'billing-db' },
    });
    expect(await signalTypes(2)).toEqual(['opened rds-event:unknown']);
  });

  it('opens an incident for a CloudTrail DeleteDBInstance that skipped the final snapshot', async () => {
    const deletion = payload('cloudtrail-delete-db-instance-skip-final-snapshot.json');
    deletion.account = ACCOUNT;
    deletion.detail.recipientAccountId = ACCOUNT;
    deletion.detail.requestParameters.dBInstanceIdentifier = 'ledger-db';
    deletion.detail.responseElements.dBInstanceIdentifier = 'ledger-db';
    deletion.detail.responseElements.dBInstanceArn = `arn:aws:rds:${REGION}:${ACCOUNT}:db:ledger-db`;
    await send(JSON.stringify(deletion));
    expect(posts()).toHaveLength(3);
    const card = cardOf(3);
    expect(card.text).toContain(
      'DB instance ledger-db DELETED without a final snapshot by jane.doe (DBAdmin)',
    );
    expect(card.json).toContain('No final snapshot was taken');
    expect(await harness.warroom.store.getIncident(3)).toMatchObject({
      impact: 2,
      source: 'cloudtrail',
      resource: { kind: 'rds-instance', id: 'ledger-db', accountId: ACCOUNT, region: REGION },
    });
  });

  it('puts RDS\'s own "DB instance deleted" event on that same incident', async () => {
    await send(rdsEvent('ledger-db', 'RDS-EVENT-0003', 'DB instance deleted'));
    expect(posts()).toHaveLength(3);
    expect(await signalTypes(3)).toEqual(['opened cloudtrail:DeleteDBInstance', 'signal rds-event:deletion']);
    expect((await harness.warroom.store.getIncident(3))?.impact).toBe(2);
  });

  it('names the EC2 instance of an alarm on the card, and groups a second alarm on it there', async () => {
    await send(ec2Alarm('checkout-cpu', 'CPUUtilization', 'i-0abc123def4567890'), 'ALARM: "checkout-cpu"');
    expect(posts()).toHaveLength(4);
    const card = cardOf(4);
    expect(card.text).toContain('CPUUtilization &gt; 80 % on i-0abc123def4567890');
    expect(card.json).toContain('i-0abc123def4567890');
    expect(card.json).toContain('(EC2 instance)');
    expect(card.json).toContain('#InstanceDetails:instanceId=i-0abc123def4567890');

    await send(
      ec2Alarm('checkout-status', 'StatusCheckFailed', 'i-0abc123def4567890'),
      'ALARM: "checkout-status"',
    );
    expect(posts()).toHaveLength(4);
    expect(await signalTypes(4)).toEqual(['opened cloudwatch-alarm:ALARM', 'signal cloudwatch-alarm:ALARM']);
  });
});
