import type {
  GetContactResult,
  ListContactChannelsResult,
  ListContactsRequest,
  ListContactsResult,
  ListRotationShiftsRequest,
  ListRotationShiftsResult,
} from '@aws-sdk/client-ssm-contacts';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { contactsNotFound, contactsValidation, requireContact } from './contacts-errors.ts';

const invalidToken = () => contactsValidation('The NextToken is not valid');

/** GetContact: by ARN (AWS takes no alias here), with no stages; an on-call schedule has its rotations. */
export function getContact(input: Record<string, unknown>, context: HandlerContext): GetContactResult {
  const contact = requireContact(context, String(input.ContactId));
  return {
    ContactArn: contact.arn,
    Alias: contact.alias,
    DisplayName: contact.displayName,
    Type: contact.type,
    Plan: contact.rotationIds ? { Stages: [], RotationIds: contact.rotationIds } : { Stages: [] },
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

/** ListRotationShifts: the seeded rotation's shifts overlapping [StartTime (default now), EndTime). */
export function listRotationShifts(
  input: Record<string, unknown>,
  context: HandlerContext,
): ListRotationShiftsResult {
  const request = validatedInput<ListRotationShiftsRequest>(input);
  const rotationId = String(request.RotationId);
  if (!context.state.contacts.rotations.has(rotationId)) throw contactsNotFound('ROTATION', rotationId);
  const from = request.StartTime ?? context.clock.now();
  const to = request.EndTime;
  if (!(to instanceof Date) || to.getTime() <= from.getTime()) {
    throw contactsValidation('EndTime must be after StartTime');
  }
  const all = context.state.contacts.shiftsOf(rotationId, from, to).map((shift) => ({
    ContactIds: shift.contactArns,
    StartTime: shift.start,
    EndTime: shift.end,
    Type: 'REGULAR' as const,
  }));
  const page = paginate(all, {
    pageSize: request.MaxResults || 50,
    token: request.NextToken,
    listing: `shifts:${rotationId}:${from.getTime()}:${to.getTime()}`,
    invalidToken,
  });
  return { RotationShifts: page.items, NextToken: page.nextToken };
}
