import type {
  GetContactResult,
  ListContactChannelsResult,
  ListContactsRequest,
  ListContactsResult,
} from '@aws-sdk/client-ssm-contacts';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { contactsValidation, requireContact } from './contacts-errors.ts';

const invalidToken = () => contactsValidation('The NextToken is not valid');

/** GetContact: by ARN (AWS takes no alias here), with an empty plan. */
export function getContact(input: Record<string, unknown>, context: HandlerContext): GetContactResult {
  const contact = requireContact(context, String(input.ContactId));
  return {
    ContactArn: contact.arn,
    Alias: contact.alias,
    DisplayName: contact.displayName,
    Type: contact.type,
    Plan: { Stages: [] },
  };
}

/** ListContacts, filtered by AliasPrefix and Type. */
export function listContacts(input: Record<string, unknown>, context: HandlerContext): ListContactsResult {
  const request = validatedInput<ListContactsRequest>(input);
  const all = [...context.state.contacts.contacts.values()]
    .filter((contact) => !request.AliasPrefix || contact.alias.startsWith(request.AliasPrefix))
    .filter((contact) => !request.Type || contact.type === request.Type)
    .map((contact) => ({
      ContactArn: contact.arn,
      Alias: contact.alias,
      DisplayName: contact.displayName,
      Type: contact.type,
    }));
  const page = paginate(all, {
    pageSize: request.MaxResults || 50,
    token: request.NextToken,
    listing: `contacts:${request.AliasPrefix ?? ''}:${request.Type ?? ''}`,
    invalidToken,
  });
  return { Contacts: page.items, NextToken: page.nextToken };
}

/** ListContactChannels: a seeded email becomes one activated EMAIL channel. */
export function listContactChannels(
  input: Record<string, unknown>,
  context: HandlerContext,
): ListContactChannelsResult {
  const contact = requireContact(context, String(input.ContactId));
  if (!contact.email) return { ContactChannels: [] };
  const channelArn = contact.arn.replace(':contact/', ':contact-channel/').concat('/email');
  return {
    ContactChannels: [
      {
        ContactChannelArn: channelArn,
        ContactArn: contact.arn,
        Name: 'email',
        Type: 'EMAIL',
        DeliveryAddress: { SimpleAddress: contact.email },
        ActivationStatus: 'ACTIVATED',
      },
    ],
  };
}
