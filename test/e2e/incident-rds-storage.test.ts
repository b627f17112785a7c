import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScenarioAws } from '../../sandbox/scenarios/seed-scenario-aws.ts';
import { findScenario, loadBuiltInScenarios } from '../../src/drill/scenarios/load-scenarios.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { databaseClicker } from '../handlers/actions/database-clicks.ts';
import { openRdsIncident } from '../support/rds-incidents.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

const GiB = 1024 ** 3;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ yaml: defaultYaml() });
  const { rds, cloudwatch } = harness.aws.state;
  rds.addInstance({ id: 'orders-db', allocatedStorage: 400, storageType: 'gp3' });
  rds.addInstance({ id: 'quiet-db', allocatedStorage: 100 });
  // orders-db is nearly full: 12.3 GiB of 400 GiB in the latest minute, more a few minutes before.
  cloudwatch.putMetricValues(
    'AWS/RDS',
    'FreeStorageSpace',
    { DBInstanceIdentifier: 'orders-db' },
    [
      { at: minutesAgo(4), value: 14 * GiB },
      { at: minutesAgo(1), value: 12.3 * GiB },
    ],
    'Bytes',
  );
  // The Aurora drill's AWS state: payments-aurora with its members, and the metrics it publishes.
  seedScenarioAws(
    harness.aws.state,
    findScenario(loadBuiltInScenarios(), 'aurora-storage-running-out').scenario.aws,
  );
  expect(await openRdsIncident(harness, { kind: 'rds-instance', id: 'orders-db' })).toBe(1);
  expect(await openRdsIncident(harness, { kind: 'rds-instance', id: 'quiet-db' })).toBe(2);
  expect(await openRdsIncident(harness, { kind: 'rds-cluster', id: 'payments-aurora' })).toBe(3);
});

afterAll(async () => {
  await harness.stop();
});

const statusLines = async (command: string) =>
  ((await runIncidentCommand(harness, command)).reply.text ?? '').split('\n');

describe('/incident rds status: free storage from CloudWatch', () => {
  it('shows an instance’s free space against its allocated size, ✗ when under 10 %', async () => {
    const before = harness.aws.requestsTo('cloudwatch', 'GetMetricData').length;
    const lines = await statusLines('rds 1 status');
    expect(lines).toContain('• Storage: ✗ 12.3 GiB free of 400 GiB (3 %, under 10 %), gp3');
    expect(lines[0]).toBe('*INC-1 · DB instance `orders-db`*: available');
    // One GetMetricData call per status: the latest 15 minutes, one-minute Minimum, in bytes.
    const calls = harness.aws.requestsTo('cloudwatch', 'GetMetricData').slice(before);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.input as { StartTime: Date; EndTime: Date; MetricDataQueries: unknown[] };
    expect(input.EndTime.getTime() - input.StartTime.getTime()).toBe(15 * 60_000);
    expect(input.MetricDataQueries).toEqual([
      expect.objectContaining({
        MetricStat: {
          Metric: {
            Namespace: 'AWS/RDS',
            MetricName: 'FreeStorageSpace',
            Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'orders-db' }],
          },
          Period: 60,
          Stat: 'Minimum',
          Unit: 'Bytes',
        },
      }),
    ]);
  });

  it('says there were no datapoints for an instance CloudWatch has nothing on', async () => {
    expect(await statusLines('rds 2 status')).toContain(
      '• Storage: 100 GiB allocated (gp3); free space not known: no datapoints in the last 15 minutes',
    );
  });

  it('shows the Aurora drill’s cluster with its volume under 1 TiB, and its members’ local storage', async () => {
    const lines = await statusLines('rds 3 status');
    expect(lines).toContain('• Members: `payments-aurora-1` (writer), `payments-aurora-2` (reader)');
    expect(lines).toContain('• Cluster volume: ✗ 933.3 GiB left before its size limit (under 1 TiB)');
    expect(lines).toContain(
      '• Local storage (temporary tables, logs): `payments-aurora-1` 27.0 GiB free, `payments-aurora-2` 28.0 GiB free',
    );
  });

  it('shows an Aurora member through its cluster’s volume and its own local storage', async () => {
    harness.aws.state.rds.addInstance({
      id: 'payments-aurora-3',
      engine: 'aurora-postgresql',
      clusterId: 'payments-aurora',
    });
    const seq = await openRdsIncident(harness, { kind: 'rds-instance', id: 'payments-aurora-3' });
    const lines = await statusLines(`rds ${seq} status`);
    expect(lines).toContain(
      '• Cluster volume of `payments-aurora`: ✗ 933.3 GiB left before its size limit (under 1 TiB)',
    );
    expect(lines).toContain('• Local storage (temporary tables, logs): no datapoints in the last 15 minutes');
  });

  it('says why when warroom may not read CloudWatch, and still shows the rest of the status', async () => {
    harness.aws.failNext('cloudwatch', 'GetMetricData', { code: 'AccessDenied', status: 403 });
    const lines = await statusLines('rds 1 status');
    expect(lines).toContain(
      "• Storage: 400 GiB allocated (gp3); free space not known: warroom's role lacks `cloudwatch:GetMetricData`",
    );
    expect(lines).toContain('• Pending maintenance: none');
  });

  it('answers the card’s Database menu → Database status with the same storage line', async () => {
    const clicker = cardClicker(harness);
    const click = await databaseClicker(harness, clicker).choose(clicker.card(1), 'U0ALICE', 'status');
    expect(click.status).toBe(200);
    await clicker.settled();
    expect(harness.slack.responses(click.responseUrl)[0]?.text).toContain(
      '• Storage: ✗ 12.3 GiB free of 400 GiB (3 %, under 10 %), gp3',
    );
  });
});
