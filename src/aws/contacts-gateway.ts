import {
  GetContactCommand,
  ListContactChannelsCommand,
  ListContactsCommand,
  ListPagesByEngagementCommand,
  ListRotationShiftsCommand,
  type SSMContactsClient,
  StartEngagementCommand,
  StopEngagementCommand,
} from '@aws-sdk/client-ssm-contacts';
import { toAwsBotError } from './aws-error.ts';
import type {
  ContactPage,
  ContactsPort,
  EngagementRequest,
  RotationShift,
  SsmContact,
} from './contacts-port.ts';

const SERVICE = 'Incident Manager Contacts';

/** ContactsPort over the SDK; errors become `AWS.*` BotErrors here. */
export class ContactsGateway implements ContactsPort {
  constructor(private readonly client: SSMContactsClient) {}

  private async send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toAwsBotError(error, SERVICE, operation);
    }
  }

  async findContact(aliasOrArn: string): Promise<SsmContact | undefined> {
    if (aliasOrArn.startsWith('arn:')) {
      const found = await this.send('GetContact', () =>
        this.client.send(new GetContactCommand({ ContactId: aliasOrArn })).catch((error: unknown) => {
          if (error instanceof Error && error.name === 'ResourceNotFoundException') return undefined;
          throw error;
        }),
      );
      return found?.ContactArn && found.Alias
        ? { arn: found.ContactArn, alias: found.Alias, displayName: found.DisplayName }
        : undefined;
    }
    let nextToken: string | undefined;
    do {
      const page = await this.send('ListContacts', () =>
        this.client.send(new ListContactsCommand({ AliasPrefix: aliasOrArn, NextToken: nextToken })),
      );
      const match = page.Contacts?.find((contact) => contact.Alias === aliasOrArn);
      if (match?.ContactArn && match.Alias)
        return { arn: match.ContactArn, alias: match.Alias, displayName: match.DisplayName };
      nextToken = page.NextToken;
    } while (nextToken);
    return undefined;
  }

  async emailOf(contactArn: string): Promise<string | undefined> {
    const result = await this.send('ListContactChannels', () =>
      this.client.send(new ListContactChannelsCommand({ ContactId: contactArn })),
    );
    return result.ContactChannels?.find((channel) => channel.Type === 'EMAIL')?.DeliveryAddress
      ?.SimpleAddress;
  }

  async rotationIdsOf(aliasOrArn: string): Promise<string[] | undefined> {
    const contact = await this.findContact(aliasOrArn);
    if (!contact) return undefined;
    const result = await this.send('GetContact', () =>
      this.client.send(new GetContactCommand({ ContactId: contact.arn })),
    );
    return result.Plan?.RotationIds ?? [];
  }

  async rotationShifts(rotationArn: string, start: Date, end: Date): Promise<RotationShift[]> {
    const shifts: RotationShift[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.send('ListRotationShifts', () =>
        this.client.send(
          new ListRotationShiftsCommand({
            RotationId: rotationArn,
            StartTime: start,
            EndTime: end,
            NextToken: nextToken,
          }),
        ),
      );
      for (const shift of page.RotationShifts ?? []) {
        if (shift.StartTime && shift.EndTime) {
          shifts.push({ contactArns: shift.ContactIds ?? [], start: shift.StartTime, end: shift.EndTime });
        }
      }
      nextToken = page.NextToken;
    } while (nextToken);
    return shifts.sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  async startEngagement(request: EngagementRequest): Promise<string> {
    const result = await this.send('StartEngagement', () =>
      this.client.send(
        new StartEngagementCommand({
          ContactId: request.contactArn,
          Sender: 'warroom',
          Subject: request.subject,
          Content: request.content,
          PublicSubject: request.publicSubject,
          PublicContent: request.publicContent,
          IncidentId: request.incidentId,
          IdempotencyToken: request.idempotencyToken,
        }),
      ),
    );
    if (!result.EngagementArn) throw toAwsBotError(new Error('no EngagementArn'), SERVICE, 'StartEngagement');
    return result.EngagementArn;
  }

  async stopEngagement(engagementArn: string, reason: string): Promise<void> {
    await this.send('StopEngagement', () =>
      this.client.send(new StopEngagementCommand({ EngagementId: engagementArn, Reason: reason })),
    );
  }

  async listPages(engagementArn: string): Promise<ContactPage[]> {
    const result = await this.send('ListPagesByEngagement', () =>
      this.client.send(new ListPagesByEngagementCommand({ EngagementId: engagementArn })),
    );
    return (result.Pages ?? []).map((page) => ({
      pageArn: page.PageArn ?? '',
      contactArn: page.ContactArn ?? '',
      sentTime: page.SentTime,
      deliveryTime: page.DeliveryTime,
      readTime: page.ReadTime,
    }));
  }
}
