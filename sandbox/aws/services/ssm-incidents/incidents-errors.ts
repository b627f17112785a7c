import { loadServiceModel } from '../../model/service-model.ts';
import type { HandlerContext } from '../../service-definition.ts';
import { type AwsServiceError, modelledError } from '../../service-error.ts';
import type { IncidentRecordState } from './incidents-state.ts';

type ResourceType = 'RESPONSE_PLAN' | 'INCIDENT_RECORD' | 'TIMELINE_EVENT';

const model = () => loadServiceModel('ssm-incidents');

export function resourceNotFound(resourceType: ResourceType, identifier: string): AwsServiceError {
  const label = {
    RESPONSE_PLAN: 'Response plan',
    INCIDENT_RECORD: 'Incident record',
    TIMELINE_EVENT: 'Timeline event',
  };
  return modelledError(
    model(),
    'ResourceNotFoundException',
    `${label[resourceType]} ${identifier} does not exist`,
    {
      fields: { resourceIdentifier: identifier, resourceType },
    },
  );
}

export function relatedItemNotFound(): AwsServiceError {
  return modelledError(
    model(),
    'ResourceNotFoundException',
    'The related item to remove is not on this incident',
  );
}

export function validationException(message: string): AwsServiceError {
  return modelledError(model(), 'ValidationException', message);
}

export function conflictException(message: string): AwsServiceError {
  return modelledError(model(), 'ConflictException', message);
}

export function requireIncident(context: HandlerContext, arn: string): IncidentRecordState {
  const record = context.state.incidents.incidentRecords.get(arn);
  if (!record) throw resourceNotFound('INCIDENT_RECORD', arn);
  return record;
}

/**
 * Runs a clientToken-carrying operation once per token. Incident Manager has no
 * IdempotentParameterMismatch shape; a reused token with other input is a ConflictException.
 */
export function once<T>(
  context: HandlerContext,
  operation: string,
  input: Record<string, unknown>,
  work: () => T,
): T {
  const token = typeof input.clientToken === 'string' ? input.clientToken : undefined;
  const mismatch = () => conflictException(`clientToken ${token} was already used with different parameters`);
  return context.state.incidents.idempotency.run(operation, token, input, mismatch, work);
}

export function invalidNextToken(): AwsServiceError {
  return validationException('The nextToken is not valid');
}
