import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetAutomationExecutionCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

const ROLE = 'arn:aws:iam::210987654321:role/warroom';
const GUARDED = 'arn:aws:iam::210987654321:role/warroom-guarded';

describe('STS AssumeRole and the access key on each call, through the real SDK', () => {
  const clock = new ManualClock(new Date('2026-12-07T10:00:00Z'));
  let emulator: AwsEmulator;
  let sts: STSClient;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    emulator.state.sts.addRole(ROLE);
    emulator.state.sts.addRole(GUARDED, { externalId: 'warroom-7f3a' });
    emulator.state.rds.addInstance({ id: 'search-db' });
    sts = new STSClient(sdkConfig(emulator));
  });
  afterAll(async () => {
    sts.destroy();
    await emulator.close();
  });

  async function assume(roleArn: string, externalId?: string) {
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'warroom', ExternalId: externalId }),
    );
    if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) throw new Error('no credentials');
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
    };
  }

  it('hands out a distinct temporary key per session, valid for an hour, and records who signed each call', async () => {
    const first = await assume(ROLE);
    const second = await assume(ROLE);
    expect(first.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(first.expiration).toEqual(new Date('2026-12-07T11:00:00Z'));

    const rds = new RDSClient({ ...sdkConfig(emulator), credentials: first });
    await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'search-db' }));
    rds.destroy();
    const [call] = emulator.requestsTo('rds', 'DescribeDBInstances').slice(-1);
    expect(call).toMatchObject({ accessKeyId: first.accessKeyId, accountId: '210987654321' });
    expect(emulator.requestsTo('sts', 'AssumeRole')[0]).toMatchObject({
      accessKeyId: 'AKIDTEST',
      accountId: '123456789012',
    });
  });

  it('refuses a role it does not know, and a guarded role without its external id, with AccessDenied', async () => {
    const unknown = await rejectionOf(assume('arn:aws:iam::210987654321:role/other'));
    expect(unknown.name).toBe('AccessDenied');
    expect(unknown.message).toContain('not authorized to perform: sts:AssumeRole on resource');
    expect((await rejectionOf(assume(GUARDED))).name).toBe('AccessDenied');
    expect((await rejectionOf(assume(GUARDED, 'wrong-id'))).name).toBe('AccessDenied');
    expect((await assume(GUARDED, 'warroom-7f3a')).accessKeyId).toMatch(/^ASIA/);
  });

  it('checks the session name against the model', async () => {
    const error = await rejectionOf(
      sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'has spaces' })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      "1 validation error detected: Value 'has spaces' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
    const short = await rejectionOf(
      sts.send(new AssumeRoleCommand({ RoleArn: 'arn:role/x', RoleSessionName: 'w' })),
    );
    expect(short.message).toMatch(/^2 validation errors detected: /);
  });

  it('refuses a temporary key it never issued, or sent without its session token', async () => {
    const forged = { accessKeyId: 'ASIAFORGEDFORGEDFO', secretAccessKey: 'x', sessionToken: 'y' };
    const rds = new RDSClient({ ...sdkConfig(emulator), credentials: forged });
    expect((await rejectionOf(rds.send(new DescribeDBInstancesCommand({})))).name).toBe(
      'InvalidClientTokenId',
    );
    rds.destroy();
    const real = await assume(ROLE);
    const ssm = new SSMClient({ ...sdkConfig(emulator), credentials: { ...real, sessionToken: undefined } });
    const error = await rejectionOf(
      ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: 'x' })),
    );
    expect(error.name).toBe('UnrecognizedClientException');
    ssm.destroy();
  });

  it('refuses a temporary key once it has expired', async () => {
    const credentials = await assume(ROLE);
    clock.advance(3600 * 1000);
    const rds = new RDSClient({ ...sdkConfig(emulator), credentials });
    expect((await rejectionOf(rds.send(new DescribeDBInstancesCommand({})))).name).toBe('ExpiredToken');
    rds.destroy();
  });
});
