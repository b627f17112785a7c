import {
  AcceptPageCommand,
  GetContactCommand,
  ListContactChannelsCommand,
  ListContactsCommand,
  ListPagesByEngagementCommand,
  ResourceNotFoundException,
  SSMContactsClient,
  StartEngagementCommand,
  StopEngagementCommand,
  ValidationException,
} from '@aws-sdk/client-ssm-contacts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

describe('SSM Contacts through the real SDK', () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  let emulator: AwsEmulator;
  let client: SSMContactsClient;
  let alice: string;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    client = new SSMContactsClient(sdkConfig(emulator));
    alice = emulator.state.contacts.addContact({
      alias: 'alice-oncall',
      displayName: 'Alice Archer',
      type: 'PERSONAL',
      email: 'alice@example.com',
    });
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  const engage = (extra: { Sender?: string; IncidentId?: string } = {}) =>
    client.send(
      new StartEngagementCommand({
        ContactId: alice,
        Sender: 'warroom',
        Subject: 'INC-1 Orders DB down',
        Content: 'details',
        ...extra,
      }),
    );

  it('finds a contact by alias prefix and ARN, with its email channel', async () => {
    const listed = await client.send(new ListContactsCommand({ AliasPrefix: 'alice' }));
    expect(listed.Contacts).toEqual([
      expect.objectContaining({ ContactArn: alice, Alias: 'alice-oncall', Type: 'PERSONAL' }),
    ]);
    const contact = await client.send(new GetContactCommand({ ContactId: alice }));
    expect(contact.DisplayName).toBe('Alice Archer');
    const channels = await client.send(new ListContactChannelsCommand({ ContactId: alice }));
    expect(channels.ContactChannels?.[0]?.DeliveryAddress?.SimpleAddress).toBe('alice@example.com');
  });

  it('starts an engagement with one page, shows its acceptance, and stops it once', async () => {
    const { EngagementArn } = await engage({ IncidentId: 'INC-7' });
    expect(EngagementArn).toMatch(/^arn:aws:ssm-contacts:us-east-1:\d{12}:engagement\/alice-oncall\//);
    const listed = await client.send(new ListPagesByEngagementCommand({ EngagementId: EngagementArn }));
    const page = listed.Pages?.[0];
    expect(page).toMatchObject({ ContactArn: alice, Sender: 'warroom', IncidentId: 'INC-7' });
    expect(page?.SentTime).toEqual(clock.now());
    expect(page?.ReadTime).toBeUndefined();

    clock.advance(60_000);
    await client.send(
      new AcceptPageCommand({
        PageId: page?.PageArn,
        AcceptType: 'READ',
        AcceptCode: '123456',
        AcceptCodeValidation: 'IGNORE',
      }),
    );
    const after = await client.send(new ListPagesByEngagementCommand({ EngagementId: EngagementArn }));
    expect(after.Pages?.[0]?.ReadTime).toEqual(clock.now());

    await client.send(new StopEngagementCommand({ EngagementId: EngagementArn, Reason: 'acknowledged' }));
    expect(emulator.state.contacts.engagements.get(EngagementArn ?? '')?.stopTime).toEqual(clock.now());
    const again = await rejectionOf(client.send(new StopEngagementCommand({ EngagementId: EngagementArn })));
    expect(again).toBeInstanceOf(ValidationException);
  });

  it('rejects a Sender with forbidden characters, as AWS does', async () => {
    const error = await rejectionOf(engage({ Sender: 'warroom <bot>' }));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(/sender/i);
  });

  it('answers ResourceNotFound for an unknown contact', async () => {
    const error = await rejectionOf(
      client.send(
        new StartEngagementCommand({
          ContactId: alice.replace('alice-oncall', 'nobody'),
          Sender: 'warroom',
          Subject: 's',
          Content: 'c',
        }),
      ),
    );
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });
});
