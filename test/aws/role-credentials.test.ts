import type { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createAccountPorts } from '../../src/aws/account-ports.ts';
import { isUncertainAwsFailure } from '../../src/aws/aws-error.ts';
import { createRoleCredentials } from '../../src/aws/role-credentials.ts';
import { ManualClock } from '../../src/clock.ts';
import { isBotError } from '../../src/errors.ts';

const ROLE = {
  accountId: '210987654321',
  accountName: 'staging-search',
  roleArn: 'arn:aws:iam::210987654321:role/warroom',
  externalId: 'warroom-7f3a',
};

/** An STS double that answers AssumeRole with numbered keys valid for an hour, and logs the inputs. */
function fakeSts(clock: ManualClock, fail?: () => Error) {
  const inputs: Array<AssumeRoleCommand['input']> = [];
  return {
    inputs,
    send: async (command: AssumeRoleCommand) => {
      inputs.push(command.input);
      if (fail) throw fail();
      return {
        Credentials: {
          AccessKeyId: `ASIAKEY${inputs.length}`,
          SecretAccessKey: 'secret',
          SessionToken: 'token',
          Expiration: new Date(clock.now().getTime() + 3_600_000),
        },
      };
    },
  };
}

function awsError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} from STS`), { name, $metadata: { httpStatusCode: status } });
}

describe('createRoleCredentials', () => {
  it('assumes the role with its external id and a session naming warroom', async () => {
    const clock = new ManualClock(new Date('2026-12-07T10:00:00Z'));
    const sts = fakeSts(clock);
    const credentials = await createRoleCredentials(ROLE, { sts: sts as never, clock })();
    expect(credentials).toMatchObject({ accessKeyId: 'ASIAKEY1', sessionToken: 'token' });
    expect(sts.inputs).toEqual([
      { RoleArn: ROLE.roleArn, RoleSessionName: 'warroom', ExternalId: 'warroom-7f3a' },
    ]);
  });

  it('sends no ExternalId when the account has none', async () => {
    const clock = new ManualClock();
    const sts = fakeSts(clock);
    await createRoleCredentials({ ...ROLE, externalId: undefined }, { sts: sts as never, clock })();
    expect(sts.inputs[0]).not.toHaveProperty('ExternalId');
  });

  it('keeps the credentials until five minutes before they expire, then assumes the role again', async () => {
    const clock = new ManualClock(new Date('2026-12-07T10:00:00Z'));
    const sts = fakeSts(clock);
    const provide = createRoleCredentials(ROLE, { sts: sts as never, clock });
    await provide();
    clock.advance(54 * 60_000);
    expect((await provide()).accessKeyId).toBe('ASIAKEY1');
    clock.advance(60_001);
    expect((await provide()).accessKeyId).toBe('ASIAKEY2');
    expect(sts.inputs).toHaveLength(2);
  });

  it('assumes the role once for callers asking at the same moment', async () => {
    const clock = new ManualClock();
    const sts = fakeSts(clock);
    const provide = createRoleCredentials(ROLE, { sts: sts as never, clock });
    const keys = await Promise.all([provide(), provide(), provide()]);
    expect(new Set(keys.map((key) => key.accessKeyId))).toEqual(new Set(['ASIAKEY1']));
    expect(sts.inputs).toHaveLength(1);
  });

  it('turns a refusal into a coded error naming the role and the account, and tries again next time', async () => {
    const clock = new ManualClock();
    const sts = fakeSts(clock, () => awsError('AccessDenied', 403));
    const provide = createRoleCredentials(ROLE, { sts: sts as never, clock });
    const error = await provide().catch((caught: unknown) => caught);
    expect(isBotError(error) && error.code).toBe('ACCOUNT.ROLE_REFUSED');
    expect(isBotError(error) && error.userMessage).toBe(
      "AWS refused warroom the role arn:aws:iam::210987654321:role/warroom in account staging-search (210987654321) (AccessDenied): check that the role's trust policy allows warroom's own role, and its external id.",
    );
    expect(isUncertainAwsFailure(error)).toBe(false);
    await provide().catch(() => undefined);
    expect(sts.inputs).toHaveLength(2);
  });

  it('says STS failed, and that nothing was done, when STS is unwell', async () => {
    const clock = new ManualClock();
    const sts = fakeSts(clock, () => awsError('InternalFailure', 500));
    const error = await createRoleCredentials(ROLE, { sts: sts as never, clock })().catch(
      (caught: unknown) => caught,
    );
    expect(isBotError(error) && error.code).toBe('ACCOUNT.ROLE_FAILED');
    expect(isBotError(error) && error.userMessage).toContain('nothing was done there');
  });
});

describe('createAccountPorts', () => {
  const home = { rds: {}, metricValues: {}, metricImages: {} } as never;

  it("gives an account with a role its own ports, built once, and every other account warroom's own", () => {
    const built: Array<{ region: string; credentials: unknown }> = [];
    const portsFor = createAccountPorts({
      region: 'us-east-1',
      accounts: {
        '210987654321': { name: 'staging-search', roleArn: ROLE.roleArn },
        '123456789012': { name: 'prod' },
      },
      clock: new ManualClock(),
      home,
      sts: { send: async () => ({}) } as never,
      build: (region, credentials) => {
        built.push({ region, credentials });
        return { rds: {}, metricValues: {}, metricImages: {} } as never;
      },
    });
    const staging = portsFor('210987654321', 'us-east-1');
    expect(staging).not.toBe(home);
    expect(portsFor('210987654321', 'us-east-1')).toBe(staging);
    expect(built).toHaveLength(1);
    expect(built[0]?.credentials).toBeTypeOf('function');
    expect(portsFor('123456789012', 'us-east-1')).toBe(home);
    expect(portsFor('999999999999', 'us-east-1')).toBe(home);
    expect(portsFor(undefined, 'us-east-1')).toBe(home);
  });

  it("builds ports per Region: a role's account in another Region signs with the same role, warroom's own accounts with its own key", () => {
    const built: Array<{ region: string; credentials: unknown }> = [];
    const portsFor = createAccountPorts({
      region: 'us-east-1',
      accounts: { '210987654321': { name: 'staging-search', roleArn: ROLE.roleArn } },
      clock: new ManualClock(),
      home,
      sts: { send: async () => ({}) } as never,
      build: (region, credentials) => {
        built.push({ region, credentials });
        return { rds: {}, metricValues: {}, metricImages: {} } as never;
      },
    });
    const stagingEast = portsFor('210987654321', 'us-east-1');
    const stagingWest = portsFor('210987654321', 'eu-west-1');
    const ownWest = portsFor('123456789012', 'eu-west-1');
    expect(new Set([stagingEast, stagingWest, ownWest, home]).size).toBe(4);
    // Warroom's own credentials serve every account without a role alike: one set of clients per Region.
    expect(portsFor(undefined, 'eu-west-1')).toBe(ownWest);
    expect(built.map((entry) => entry.region)).toEqual(['us-east-1', 'eu-west-1', 'eu-west-1']);
    // One AssumeRole cache for the account, whichever Region asks.
    expect(built[0]?.credentials).toBe(built[1]?.credentials);
    expect(built[2]?.credentials).toBeUndefined();
  });
});
