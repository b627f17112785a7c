import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotification } from '../../handlers/notifications/index.ts';
import { EmulatorState } from '../../sandbox/aws/emulator-state.ts';
import { rdsCpuThenFailover } from '../../sandbox/scenarios/rds-cpu-then-failover.ts';
import { type Pace, runScenarioSteps } from '../../sandbox/scenarios/run-scenario.ts';
import { ManualClock } from '../../src/clock.ts';
import { buildChatbot } from '../../src/drill/scenarios/build-chatbot.ts';
import { buildCloudTrail } from '../../src/drill/scenarios/build-cloudtrail.ts';
import { buildCloudWatchAlarm } from '../../src/drill/scenarios/build-cloudwatch-alarm.ts';
import { buildRdsEvent } from '../../src/drill/scenarios/build-rds-event.ts';
import { buildScenarioNotifications } from '../../src/drill/scenarios/build-step-notifications.ts';
import {
  loadBuiltInScenarios,
  loadScenarioFile,
  loadScenarios,
} from '../../src/drill/scenarios/load-scenarios.ts';
import {
  chatbotParams,
  cloudTrailParams,
  cloudWatchAlarmParams,
  rdsEventParams,
} from '../../src/drill/scenarios/notification-schema.ts';
import { isBotError } from '../../src/errors.ts';
import {
  buildContext,
  loadPayload,
  notificationOf,
} from '../handlers/notifications/notification-fixtures.ts';

const FIXTURE_ACCOUNT = '111122223333';
const FIXTURE_TOPIC = `arn:aws:sns:us-east-1:${FIXTURE_ACCOUNT}:incident-alerts`;
const SANDBOX = {
  accountId: '123456789012',
  region: 'us-east-1',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:warroom-sandbox',
};

const keysOf = (value: unknown) => Object.keys(value as object);

describe('the built-in scenario files', () => {
  it('are the six drills, the sandbox default first', () => {
    expect(loadBuiltInScenarios().map(({ scenario }) => scenario.id)).toEqual([
      'rds-cpu-then-failover',
      'aurora-storage-running-out',
      'rds-alarm-storm',
      'rds-public-snapshot',
      'rds-unencrypted-prod-db',
      'two-teams-at-once',
    ]);
  });

  it('publish only notifications that warroom parses as the source they claim (never "unknown")', async () => {
    const expected: Record<string, string[]> = {
      'rds-cpu-then-failover': ['cloudwatch-alarm', 'rds-event'],
      'aurora-storage-running-out': ['cloudwatch-alarm', 'chatbot', 'rds-event'],
      'rds-alarm-storm': [...Array(20).fill('cloudwatch-alarm'), ...Array(20).fill('cloudwatch-alarm')],
      'rds-public-snapshot': ['cloudtrail'],
      'rds-unencrypted-prod-db': ['cloudwatch-alarm'],
      'two-teams-at-once': ['cloudwatch-alarm', 'cloudwatch-alarm'],
    };
    for (const { scenario } of loadBuiltInScenarios()) {
      const built = buildScenarioNotifications(scenario, new Date('2026-11-22T09:25:00Z'), SANDBOX);
      const alerts = await Promise.all(
        built.map((item) =>
          parseNotification(
            notificationOf(item.message, {
              topicArn: SANDBOX.topicArn,
              ...(item.subject ? { subject: item.subject } : {}),
            }),
            buildContext(),
          ),
        ),
      );
      expect(
        alerts.map((alert) => alert.source),
        scenario.id,
      ).toEqual(expected[scenario.id]);
      // Every signal names the database (or snapshot) the scenario is about.
      for (const alert of alerts) expect(alert.resource?.kind, scenario.id).toMatch(/^rds-/);
    }
  });

  it('rds-cpu-then-failover still gives the two signals the hand-built scenario gave', async () => {
    const steps = rdsCpuThenFailover({ ...SANDBOX, at: new Date('2026-11-22T09:25:00Z') });
    expect(steps.map((step) => [step.label, step.subject])).toEqual([
      [
        'CloudWatch alarm: CPUUtilization > 80 % on orders-db',
        'ALARM: "orders-db-cpu-high" in US East (N. Virginia)',
      ],
      ['RDS event: Multi-AZ failover completed on orders-db', 'RDS Notification Message'],
    ]);
    const [alarm, failover] = await Promise.all(
      steps.map((step) =>
        parseNotification(notificationOf(step.message, { subject: step.subject }), buildContext()),
      ),
    );
    expect(alarm).toMatchObject({
      title: 'CPUUtilization > 80 % on orders-db',
      signalType: 'cloudwatch-alarm:ALARM',
      resource: { kind: 'rds-instance', id: 'orders-db', accountId: '123456789012', region: 'us-east-1' },
      occurredAt: new Date('2026-11-22T09:25:00Z'),
    });
    expect(failover).toMatchObject({
      title: 'orders-db: Multi-AZ instance failover completed',
      signalType: 'rds-event:failover',
      resource: { kind: 'rds-instance', id: 'orders-db' },
      occurredAt: new Date('2026-11-22T09:26:30Z'),
    });
  });

  it('fills {{id}} for each identifier of a repeated step, `every` seconds apart', () => {
    const storm = loadBuiltInScenarios().find(({ scenario }) => scenario.id === 'rds-alarm-storm')!;
    const built = buildScenarioNotifications(storm.scenario, new Date('2026-11-22T09:25:00Z'), SANDBOX);
    expect(built).toHaveLength(40);
    expect(built.slice(0, 3).map((item) => [item.label, item.dueMs])).toEqual([
      ['CloudWatch alarm: CPUUtilization > 85 % on orders-shard-01', 0],
      ['CloudWatch alarm: CPUUtilization > 85 % on orders-shard-02', 500],
      ['CloudWatch alarm: CPUUtilization > 85 % on orders-shard-03', 1000],
    ]);
    const last = JSON.parse(built.at(-1)!.message);
    expect(last).toMatchObject({
      AlarmName: 'orders-shard-20-connections-high',
      StateChangeTime: '2026-11-22T09:25:54.500+0000',
      Trigger: { Dimensions: [{ value: 'orders-shard-20', name: 'DBInstanceIdentifier' }] },
    });
  });
});

describe('the notification builders are faithful to the real payloads in shared/fixtures', () => {
  it('CloudWatch alarm: the fixture, key for key, with the reason CloudWatch writes', () => {
    const fixture = loadPayload('cloudwatch-alarm-rds.message.json');
    const built = buildCloudWatchAlarm(
      cloudWatchAlarmParams.parse({
        kind: 'cloudwatch-alarm',
        alarmName: 'prod-orders-db-high-connections',
        description: 'DatabaseConnections above 400 for 5 minutes',
        metric: 'DatabaseConnections',
        dimensions: { DBInstanceIdentifier: 'prod-orders-db-1' },
        threshold: 400,
        datapoints: [431, 428, 415, 409, 402],
      }),
      {
        accountId: FIXTURE_ACCOUNT,
        region: 'us-east-1',
        topicArn: FIXTURE_TOPIC,
        at: new Date('2024-05-14T09:30:00Z'),
      },
    );
    const alarm = JSON.parse(built.message);
    expect(keysOf(alarm)).toEqual(keysOf(fixture));
    expect(keysOf(alarm.Trigger)).toEqual(keysOf(fixture['Trigger']));
    const { StateChangeTime, AlarmConfigurationUpdatedTimestamp, ...rest } = alarm;
    const { StateChangeTime: _a, AlarmConfigurationUpdatedTimestamp: _b, ...fixtureRest } = fixture;
    expect(rest).toEqual(fixtureRest);
    expect(StateChangeTime).toBe('2024-05-14T09:30:00.000+0000');
    expect(AlarmConfigurationUpdatedTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(built.subject).toBe(loadPayload('cloudwatch-alarm-rds.json')['Subject']);
  });

  it('CloudWatch alarm: a long name is cut in the Subject as SNS would, never in the Message', () => {
    const name = `a-very-long-alarm-name-${'x'.repeat(100)}`;
    const built = buildCloudWatchAlarm(
      cloudWatchAlarmParams.parse({
        kind: 'cloudwatch-alarm',
        alarmName: name,
        metric: 'CPUUtilization',
        dimensions: { DBInstanceIdentifier: 'db' },
        threshold: 1e12,
        state: 'OK',
        datapoints: [12],
      }),
      { ...SANDBOX, at: new Date('2026-11-22T09:25:00Z') },
    );
    expect(built.subject).toHaveLength(100);
    expect(built.subject).toMatch(/^OK: "a-very-long-alarm-name-x+\.\.\." in US East \(N\. Virginia\)$/);
    const alarm = JSON.parse(built.message);
    expect(alarm.AlarmName).toBe(name);
    expect(alarm.OldStateValue).toBe('ALARM');
    expect(alarm.NewStateReason).toBe(
      'Threshold Crossed: 1 out of the last 1 datapoints [12.0 (22/11/26 09:25:00)] was not greater than the threshold (1.0E12) (minimum 1 datapoint for ALARM -> OK transition).',
    );
  });

  it('RDS event: exactly the fixture', () => {
    const built = buildRdsEvent(
      rdsEventParams.parse({
        kind: 'rds-event',
        sourceType: 'instance',
        sourceId: 'prod-orders-db-1',
        eventId: 'RDS-EVENT-0049',
        message: 'Multi-AZ instance failover completed',
      }),
      {
        accountId: FIXTURE_ACCOUNT,
        region: 'us-east-1',
        topicArn: FIXTURE_TOPIC,
        at: new Date('2024-05-14T09:42:18.302Z'),
      },
    );
    expect(built.message).toBe(JSON.stringify(loadPayload('rds-event.message.json')));
    expect(built.subject).toBe(loadPayload('rds-event.json')['Subject']);
  });

  it("CloudTrail: the fixture's envelope and record, with the call's parameters and response", () => {
    const fixture = loadPayload('cloudtrail-modify-db-snapshot-attribute.json');
    const fixtureDetail = fixture['detail'] as Record<string, unknown>;
    const built = buildCloudTrail(
      cloudTrailParams.parse({
        kind: 'cloudtrail',
        eventName: 'ModifyDBSnapshotAttribute',
        requestParameters: {
          dBSnapshotIdentifier: 'orders-db-manual-2024-05-14',
          attributeName: 'restore',
          valuesToAdd: ['all'],
        },
      }),
      {
        accountId: FIXTURE_ACCOUNT,
        region: 'us-east-1',
        topicArn: FIXTURE_TOPIC,
        at: new Date('2024-05-14T10:20:03Z'),
      },
    );
    expect(built.subject).toBeUndefined();
    const event = JSON.parse(built.message);
    expect(keysOf(event)).toEqual(keysOf(fixture));
    expect(keysOf(event.detail)).toEqual(keysOf(fixtureDetail));
    const ids = ['requestID', 'eventID'];
    const pick = (detail: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(detail).filter(([key]) => !ids.includes(key)));
    expect(pick(event.detail)).toEqual(pick(fixtureDetail));
    expect({ ...event, id: 'x', detail: null }).toEqual({ ...fixture, id: 'x', detail: null });
  });

  it('Chatbot: exactly the fixture', () => {
    const fixture = loadPayload('chatbot-custom.json') as {
      id: string;
      content: Record<string, unknown>;
      metadata: Record<string, unknown>;
    };
    const { textType: _t, ...content } = fixture.content;
    const { enableCustomActions: _e, ...metadata } = fixture.metadata;
    const built = buildChatbot(
      chatbotParams.parse({ kind: 'chatbot', id: fixture.id, ...content, ...metadata }),
      {
        ...SANDBOX,
        at: new Date(),
      },
    );
    expect(built.message).toBe(JSON.stringify(fixture));
  });
});

describe('a bad scenario file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-scenarios-'));
  const good = loadScenarioFile(
    join(import.meta.dirname, '../../src/drill/scenarios/rds-unencrypted-prod-db.yml'),
  );
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const problemsOf = (load: () => unknown): string[] => {
    try {
      load();
    } catch (error) {
      if (isBotError(error) && error.code === 'SCENARIO.INVALID')
        return error.userMessage.split('\n').slice(1);
      throw error;
    }
    throw new Error('the file loaded');
  };
  const minimal = (steps: string) =>
    [
      'id: my-drill',
      'title: Mine',
      'description: Mine',
      'briefing:',
      '  situation: Something',
      '  roles:',
      '    - role: Incident commander',
      '      tasks: [Acknowledge]',
      'expect:',
      '  - kind: acknowledged',
      'steps:',
      steps,
    ].join('\n');

  it('names the file, the line, the path and the problem, every problem at once', () => {
    const file = write(
      'broken.yml',
      minimal(
        [
          '  - after: 0',
          '    label: alarm',
          '    notification:',
          '      kind: cloudwatch-alarm',
          '      alarmName: x',
          '      metric: CPUUtilization',
          '      dimensions: { DBInstanceIdentifier: db }',
          '      threshold: high',
          '  - after: -5',
          '    label: event',
          '    colour: red',
          '    notification:',
          '      kind: sms',
        ].join('\n'),
      ),
    );
    expect(problemsOf(() => loadScenarioFile(file))).toEqual([
      expect.stringMatching(/broken\.yml:19: steps\.0\.notification\.threshold: .*expected number/i),
      expect.stringMatching(/broken\.yml:20: steps\.1\.after: expected seconds from the start \(0 or more\)/),
      expect.stringMatching(
        /broken\.yml:24: steps\.1\.notification\.kind: expected kind: cloudwatch-alarm, rds-event, cloudtrail, chatbot or raw/,
      ),
      expect.stringMatching(/broken\.yml:20: steps\.1: unknown key colour/),
    ]);
  });

  it('says when {{id}} is used without a repeat list', () => {
    const file = write(
      'no-repeat.yml',
      minimal(
        [
          '  - after: 0',
          '    label: storm',
          '    notification: { kind: rds-event, sourceType: instance, sourceId: "{{id}}", eventId: RDS-EVENT-0049, message: m }',
        ].join('\n'),
      ),
    );
    expect(problemsOf(() => loadScenarioFile(file))).toEqual([
      expect.stringMatching(
        /no-repeat\.yml:12: steps\.0\.repeat: the notification uses \{\{id\}\} but the step has no repeat list/,
      ),
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const file = write('syntax.yml', 'id: x\ntitle: [unclosed\n');
    expect(problemsOf(() => loadScenarioFile(file))[0]).toMatch(/syntax\.yml:\d+: not valid YAML: /);
  });

  it('may not take the id of a built-in scenario', () => {
    const file = write(
      'clash.yml',
      minimal('  - after: 0\n    label: x\n    notification: { kind: raw, message: hello }').replace(
        'id: my-drill',
        'id: rds-public-snapshot',
      ),
    );
    expect(problemsOf(() => loadScenarios([file]))).toEqual([
      expect.stringMatching(
        /clash\.yml: id: "rds-public-snapshot" is already used by .*rds-public-snapshot\.yml; pick another id/,
      ),
    ]);
  });

  it('loads when fixed, next to the built-ins', () => {
    const file = write(
      'mine.yml',
      minimal('  - after: 0\n    label: x\n    notification: { kind: raw, message: hello }'),
    );
    expect(loadScenarios([file]).map(({ scenario }) => scenario.id)).toContain('my-drill');
    expect(good.scenario.aws?.rds.instances[0]).toMatchObject({ id: 'billing-db', storageEncrypted: false });
  });
});

describe("running a scenario's steps", () => {
  const storm = () =>
    loadBuiltInScenarios().find(({ scenario }) => scenario.id === 'rds-alarm-storm')!.scenario;

  /** A host that records what happens, on a clock that moves only when the runner sleeps. */
  function recordingHost() {
    const clock = new ManualClock('2026-11-22T09:25:00Z');
    const events: string[] = [];
    const aws = new EmulatorState({ ...SANDBOX, clock });
    return {
      events,
      aws,
      host: {
        aws,
        context: SANDBOX,
        clock,
        write: () => undefined,
        publish: async (message: string) => {
          events.push(
            `publish ${JSON.parse(message).AlarmName} at ${clock.now().toISOString().slice(14, 23)}`,
          );
          return 200;
        },
        settled: async () => {
          events.push('settled');
        },
        sleep: async (ms: number) => {
          clock.advance(ms);
        },
      },
    };
  }

  const run = async (pace: Pace, signal?: AbortSignal) => {
    const recording = recordingHost();
    await runScenarioSteps(storm(), recording.host, { pace, signal });
    return recording;
  };

  it("seeds the scenario's AWS state first", async () => {
    const { aws } = await run('fast');
    expect(aws.rds.instances.size).toBe(20);
    expect(aws.rds.instances.get('orders-shard-07')?.TagList).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'orders' },
    ]);
  });

  it('fast: a repeated step goes out as one burst, then warroom settles before the next step', async () => {
    const { events } = await run('fast');
    expect(events.filter((event) => event === 'settled')).toHaveLength(3);
    expect(events[20]).toBe('settled');
    expect(events[0]).toBe('publish orders-shard-01-cpu-high at 25:00.000');
    expect(events[19]).toBe('publish orders-shard-20-cpu-high at 25:00.000');
  });

  it('realtime, scaled: each notification when its `after` (times the scale) is due', async () => {
    const { events } = await run(0.1);
    expect(events[1]).toBe('publish orders-shard-02-cpu-high at 25:00.050');
    expect(events[20]).toBe('publish orders-shard-01-connections-high at 25:04.500');
    expect(events.at(-2)).toBe('publish orders-shard-20-connections-high at 25:05.450');
  });

  it('stops publishing when aborted, and says so', async () => {
    const stop = new AbortController();
    stop.abort();
    const { events } = await run('realtime', stop.signal);
    expect(events).toEqual(['settled']);
  });
});
