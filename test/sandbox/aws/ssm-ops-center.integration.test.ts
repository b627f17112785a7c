import {
  CreateOpsItemCommand,
  GetOpsItemCommand,
  OpsItemAlreadyExistsException,
  OpsItemInvalidParameterException,
  OpsItemNotFoundException,
  SSMClient,
  UpdateOpsItemCommand,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

const ROLE = 'arn:aws:iam::222222222222:role/warroom';

describe('OpsCenter through the real SDK', () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  let emulator: AwsEmulator;
  let client: SSMClient;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    client = new SSMClient(sdkConfig(emulator));
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  const create = (extra: Partial<ConstructorParameters<typeof CreateOpsItemCommand>[0]> = {}) =>
    client.send(
      new CreateOpsItemCommand({
        Title: 'Raise the storage alarm',
        Description: 'INC-1',
        Source: 'warroom',
        ...extra,
      }),
    );

  it('creates an Open OpsItem with an oi- id and reads it back whole', async () => {
    const { OpsItemId, OpsItemArn } = await create({
      Severity: '2',
      OperationalData: { warroomIncident: { Value: 'INC-1', Type: 'SearchableString' } },
    });
    expect(OpsItemId).toMatch(/^oi-[0-9a-f]{12}$/);
    expect(OpsItemArn).toBe(`arn:aws:ssm:us-east-1:123456789012:opsitem/${OpsItemId}`);
    const { OpsItem } = await client.send(new GetOpsItemCommand({ OpsItemId }));
    expect(OpsItem).toMatchObject({
      OpsItemId,
      Title: 'Raise the storage alarm',
      Source: 'warroom',
      Status: 'Open',
      Severity: '2',
      OperationalData: { warroomIncident: { Value: 'INC-1', Type: 'SearchableString' } },
      Version: '1',
    });
    expect(OpsItem?.CreatedTime).toEqual(new Date('2026-11-22T09:00:00Z'));
  });

  it('resolves and reopens an OpsItem, and refuses a status an issue cannot take', async () => {
    const { OpsItemId } = await create();
    await client.send(new UpdateOpsItemCommand({ OpsItemId, Status: 'Resolved' }));
    expect((await client.send(new GetOpsItemCommand({ OpsItemId }))).OpsItem).toMatchObject({
      Status: 'Resolved',
      Version: '2',
    });
    const refused = await rejectionOf(
      client.send(new UpdateOpsItemCommand({ OpsItemId, Status: 'Approved' })),
    );
    expect(refused).toBeInstanceOf(OpsItemInvalidParameterException);
    expect(refused.ParameterNames).toEqual(['Status']);
    const bad = await rejectionOf(
      client.send(new UpdateOpsItemCommand({ OpsItemId, Status: 'Done' as never })),
    );
    expect(bad).toBeInstanceOf(ValidationException);
  });

  it('refuses reserved operational data keys, values over 20 KB and severities outside 1–4', async () => {
    for (const key of ['aws:source', '/aws/mine', 'AmazonData', 'ssmThing']) {
      const refused = await rejectionOf(create({ OperationalData: { [key]: { Value: 'x' } } }));
      expect(refused).toBeInstanceOf(OpsItemInvalidParameterException);
      expect(refused.ParameterNames).toEqual(['OperationalData']);
    }
    const big = await rejectionOf(
      create({ OperationalData: { notes: { Value: 'x'.repeat(20 * 1024 + 1) } } }),
    );
    expect(big.message).toContain('20 KB');
    const resources = await rejectionOf(
      create({ OperationalData: { '/aws/resources': { Value: 'arn:aws:x' } } }),
    );
    expect(resources.ParameterNames).toEqual(['OperationalData']);
    const severity = await rejectionOf(create({ Severity: '5' }));
    expect(severity).toBeInstanceOf(OpsItemInvalidParameterException);
    expect(severity.ParameterNames).toEqual(['Severity']);
    expect(await rejectionOf(create({ Title: '' }))).toBeInstanceOf(ValidationException);
  });

  it('refuses a second OpsItem with the dedup string of an unresolved one, naming it', async () => {
    const dedup = {
      '/aws/dedup': {
        Value: JSON.stringify({ dedupString: 'warroom:fu-1' }),
        Type: 'SearchableString' as const,
      },
    };
    const { OpsItemId } = await create({ OperationalData: dedup });
    const again = await rejectionOf(create({ OperationalData: dedup }));
    expect(again).toBeInstanceOf(OpsItemAlreadyExistsException);
    expect(again.OpsItemId).toBe(OpsItemId);
    await client.send(new UpdateOpsItemCommand({ OpsItemId, Status: 'Resolved' }));
    expect((await create({ OperationalData: dedup })).OpsItemId).not.toBe(OpsItemId);
  });

  it('relates only existing OpsItems, and answers an unknown one OpsItemNotFoundException', async () => {
    const { OpsItemId } = await create();
    const related = await create({ RelatedOpsItems: [{ OpsItemId }] });
    const { OpsItem } = await client.send(new GetOpsItemCommand({ OpsItemId: related.OpsItemId }));
    expect(OpsItem?.RelatedOpsItems).toEqual([{ OpsItemId }]);
    const missing = await rejectionOf(create({ RelatedOpsItems: [{ OpsItemId: 'oi-000000000000' }] }));
    expect(missing.ParameterNames).toEqual(['RelatedOpsItems']);
    const unknown = await rejectionOf(client.send(new GetOpsItemCommand({ OpsItemId: 'oi-000000000000' })));
    expect(unknown).toBeInstanceOf(OpsItemNotFoundException);
    const malformed = await rejectionOf(client.send(new GetOpsItemCommand({ OpsItemId: 'oi-XYZ' })));
    expect(malformed).toBeInstanceOf(ValidationException);
  });

  it("keeps each account's and Region's OpsItems apart", async () => {
    emulator.state.sts.addRole(ROLE);
    const sts = new STSClient(sdkConfig(emulator));
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'warroom' }),
    );
    sts.destroy();
    const asRole = new SSMClient({
      ...sdkConfig(emulator),
      credentials: {
        accessKeyId: Credentials?.AccessKeyId ?? '',
        secretAccessKey: Credentials?.SecretAccessKey ?? '',
        sessionToken: Credentials?.SessionToken,
      },
    });
    const west = new SSMClient(sdkConfig(emulator, 'eu-west-1'));
    try {
      const { OpsItemId } = await create();
      expect(await rejectionOf(asRole.send(new GetOpsItemCommand({ OpsItemId })))).toBeInstanceOf(
        OpsItemNotFoundException,
      );
      expect(await rejectionOf(west.send(new GetOpsItemCommand({ OpsItemId })))).toBeInstanceOf(
        OpsItemNotFoundException,
      );
    } finally {
      asRole.destroy();
      west.destroy();
    }
  });
});
