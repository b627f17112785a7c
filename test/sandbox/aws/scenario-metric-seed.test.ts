import { describe, expect, it } from 'vitest';
import { startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { EmulatorState } from '../../../sandbox/aws/emulator-state.ts';
import { seedSandboxAccount } from '../../../sandbox/sandbox-account.ts';
import { seedScenarioAws } from '../../../sandbox/scenarios/seed-scenario-aws.ts';
import { ManualClock } from '../../../src/clock.ts';
import { awsSeedSchema } from '../../../src/drill/scenarios/aws-seed-schema.ts';
import { findScenario, loadBuiltInScenarios } from '../../../src/drill/scenarios/load-scenarios.ts';

const START = new Date('2026-11-22T09:00:00Z');
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

function stateAt(clock: ManualClock): EmulatorState {
  return new EmulatorState({ accountId: '123456789012', region: 'us-east-1', clock });
}

describe('a scenario’s CloudWatch seed', () => {
  const aurora = findScenario(loadBuiltInScenarios(), 'aurora-storage-running-out').scenario;
  const volume = (state: EmulatorState, from: Date, to: Date) =>
    state.cloudwatch.valuesBetween(
      'AWS/RDS',
      'AuroraVolumeBytesLeftTotal',
      { DBClusterIdentifier: 'payments-aurora' },
      from,
      to,
    );

  it('publishes the Aurora drill’s volume every minute: already under 1 TiB, lower from step 300 s on', () => {
    const clock = new ManualClock(START);
    const state = stateAt(clock);
    seedScenarioAws(state, aurora.aws);
    // An hour of history before the start, so a status right away has datapoints.
    const before = volume(state, minutes(-15), minutes(1));
    expect(before?.unit).toBe('Bytes');
    expect(before?.values).toHaveLength(16);
    expect(new Set(before?.values.map((value) => value.value))).toEqual(new Set([1002159035596]));
    // At 09:10 the minutes up to 09:10 are published, 09:11 not yet; the 300 s level began at 09:05.
    clock.set(minutes(10));
    const later = volume(state, minutes(4), minutes(11));
    expect(later?.values.map((value) => [value.at.toISOString().slice(11, 16), value.value])).toEqual([
      ['09:04', 1002159035596],
      ['09:05', 879609302220],
      ['09:06', 879609302220],
      ['09:07', 879609302220],
      ['09:08', 879609302220],
      ['09:09', 879609302220],
      ['09:10', 879609302220],
    ]);
    const local = state.cloudwatch.valuesBetween(
      'AWS/RDS',
      'FreeLocalStorage',
      { DBInstanceIdentifier: 'payments-aurora-1' },
      minutes(9),
      minutes(10),
    );
    expect(local?.values).toEqual([{ at: minutes(9), value: 27 * 1024 ** 3 }]);
  });

  it('replaces what the sandbox account published for the same metric', () => {
    const state = stateAt(new ManualClock(START));
    state.cloudwatch.publishEveryMinute(
      'AWS/RDS',
      'AuroraVolumeBytesLeftTotal',
      { DBClusterIdentifier: 'payments-aurora' },
      [{ from: minutes(-600), value: 127 * 1024 ** 4 }],
      'Bytes',
    );
    seedScenarioAws(state, aurora.aws);
    expect(new Set(volume(state, minutes(-120), minutes(1))?.values.map((value) => value.value))).toEqual(
      new Set([1002159035596]),
    );
  });

  it.each([
    [[{ after: 60, value: 1 }], 'the first level must be at after: 0'],
    [
      [
        { after: 0, value: 1 },
        { after: 0, value: 2 },
      ],
      'levels must be in increasing `after` order',
    ],
    [[], 'expected array to have >=1 items'],
  ])('refuses levels %j', (levels, message) => {
    const parsed = awsSeedSchema.safeParse({
      cloudwatch: { metrics: [{ metric: 'FreeStorageSpace', unit: 'Bytes', levels }] },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join('; ')).toContain(message);
  });

  it('refuses a unit CloudWatch does not know, and defaults the namespace to AWS/RDS', () => {
    const bad = awsSeedSchema.safeParse({
      cloudwatch: {
        metrics: [{ metric: 'FreeStorageSpace', unit: 'GiB', levels: [{ after: 0, value: 1 }] }],
      },
    });
    expect(bad.success).toBe(false);
    const good = awsSeedSchema.parse({
      cloudwatch: { metrics: [{ metric: 'FreeStorageSpace', levels: [{ after: 0, value: 1 }] }] },
    });
    expect(good.cloudwatch.metrics[0]).toMatchObject({ namespace: 'AWS/RDS', unit: 'None', dimensions: {} });
  });
});

describe('the sandbox account’s metrics', () => {
  it('publishes a healthy orders-db and payments-aurora, every minute while the sandbox runs', async () => {
    const clock = new ManualClock(START);
    const emulator = await startAwsEmulator({ clock });
    try {
      seedSandboxAccount(emulator);
      clock.set(minutes(90));
      const free = emulator.state.cloudwatch.valuesBetween(
        'AWS/RDS',
        'FreeStorageSpace',
        { DBInstanceIdentifier: 'orders-db' },
        minutes(75),
        minutes(91),
      );
      expect(free?.values).toHaveLength(16);
      expect(free?.values.at(-1)).toEqual({ at: minutes(90), value: 68 * 1024 ** 3 });
      const allocated = emulator.state.rds.instances.get('orders-db')?.AllocatedStorage;
      expect((68 / (allocated ?? 0)) * 100).toBeGreaterThan(20);
      expect(
        emulator.state.cloudwatch.valuesBetween(
          'AWS/RDS',
          'AuroraVolumeBytesLeftTotal',
          { DBClusterIdentifier: 'payments-aurora' },
          minutes(89),
          minutes(90),
        )?.values,
      ).toEqual([{ at: minutes(89), value: 127.5 * 1024 ** 4 }]);
    } finally {
      await emulator.close();
    }
  });
});
