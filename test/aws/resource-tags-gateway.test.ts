import { RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { createCloudWatchClient } from '../../src/aws/cloudwatch-client.ts';
import { createResourceTagsGateway } from '../../src/aws/resource-tags-gateway.ts';
import type { AwsPlace, TagClients } from '../../src/aws/resource-tags-port.ts';
import { isBotError } from '../../src/errors.ts';
import { rejectionOf, sdkConfig } from '../sandbox/aws/sdk-test-config.ts';

describe('the resource tags gateway (real SDK clients, local AWS emulator)', () => {
  let emulator: AwsEmulator;
  const built: Array<{ place: AwsPlace; clients: TagClients }> = [];
  const asked: AwsPlace[] = [];

  /** Clients signed for each place asked for, as the per-account factory will give them. */
  const clientsFor = (place: AwsPlace): TagClients => {
    asked.push(place);
    const clients = {
      rds: new RDSClient(sdkConfig(emulator, place.region)),
      cloudwatch: createCloudWatchClient(sdkConfig(emulator, place.region)),
    };
    built.push({ place, clients });
    return clients;
  };

  beforeAll(async () => {
    emulator = await startAwsEmulator({ accountId: '210987654321', region: 'eu-west-1' });
    emulator.state.rds.addInstance({ id: 'search-db', tags: { team: 'search' } });
    emulator.state.cloudwatch.alarms.add({ name: 'search-latency', tags: { team: 'search', note: '' } });
  });
  afterAll(async () => {
    for (const { clients } of built) {
      clients.rds.destroy();
      clients.cloudwatch.destroy();
    }
    await emulator.close();
  });

  it("reads through the clients of the resource's own account and Region", async () => {
    const gateway = createResourceTagsGateway(clientsFor);
    const tags = await gateway.listTags({
      service: 'rds',
      arn: 'arn:aws:rds:eu-west-1:210987654321:db:search-db',
      accountId: '210987654321',
      region: 'eu-west-1',
    });
    expect(tags).toEqual({ team: 'search' });
    expect(asked.at(-1)).toEqual({ accountId: '210987654321', region: 'eu-west-1' });
  });

  it("asks CloudWatch for an alarm's tags, keeping a tag whose value is empty", async () => {
    const gateway = createResourceTagsGateway(clientsFor);
    const tags = await gateway.listTags({
      service: 'cloudwatch',
      arn: 'arn:aws:cloudwatch:eu-west-1:210987654321:alarm:search-latency',
      accountId: '210987654321',
      region: 'eu-west-1',
    });
    expect(tags).toEqual({ team: 'search', note: '' });
  });

  it('rejects with a coded error naming the operation when RDS refuses', async () => {
    const gateway = createResourceTagsGateway(clientsFor);
    const error = await rejectionOf(
      gateway.listTags({
        service: 'rds',
        arn: 'arn:aws:rds:eu-west-1:210987654321:db:gone-db',
        accountId: '210987654321',
        region: 'eu-west-1',
      }),
    );
    expect(isBotError(error) && error.code).toBe('AWS.NOT_FOUND');
    expect(error.message).toContain('RDS ListTagsForResource: DBInstanceNotFoundFault');
  });
});
