import { loadServiceModel } from '../../model/service-model.ts';
import type { HandlerContext } from '../../service-definition.ts';
import { type AwsServiceError, modelledError } from '../../service-error.ts';
import type { ContactRecord, EngagementRecord } from './contacts-state.ts';

const model = () => loadServiceModel('ssm-contacts');

export function contactsNotFound(resourceType: string, id: string): AwsServiceError {
  return modelledError(model(), 'ResourceNotFoundException', `${resourceType} ${id} does not exist`, {
    fields: { ResourceId: id, ResourceType: resourceType },
  });
}

export function contactsValidation(message: string): AwsServiceError {
  return modelledError(model(), 'ValidationException', message);
}

export function requireContact(context: HandlerContext, arn: string): ContactRecord {
  const contact = context.state.contacts.contacts.get(arn);
  if (!contact) throw contactsNotFound('CONTACT', arn);
  return contact;
}

export function requireEngagement(context: HandlerContext, arn: string): EngagementRecord {
  const engagement = context.state.contacts.engagements.get(arn);
  if (!engagement) throw contactsNotFound('ENGAGEMENT', arn);
  return engagement;
}
