import type { Filter } from '@aws-sdk/client-rds';
import { loadServiceModel } from '../../model/service-model.ts';
import { AwsServiceError, modelledError } from '../../service-error.ts';

const model = () => loadServiceModel('rds');

/** `DBInstanceNotFound` (404); the SDK raises DBInstanceNotFoundFault. */
export function rdsNotFound(
  code: 'DBInstanceNotFound' | 'DBClusterNotFoundFault' | 'DBSnapshotNotFound',
  message: string,
) {
  return modelledError(model(), code, message);
}

/** Any error the RDS model defines, by shape name or query code (status and code from the model). */
export function rdsModelledError(code: string, message: string) {
  return modelledError(model(), code, message);
}

/** RDS's unmodelled 400 for bad values; the SDK raises RDSServiceException named InvalidParameterValue. */
export function invalidParameterValue(message: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterValue', message, { status: 400 });
}

export const invalidMarker = () => invalidParameterValue('The marker is not valid');

/**
 * RDS filters: each named filter must be one the operation supports; a resource matches when, for
 * every filter, one of its values equals the resource's field (compared case-insensitively,
 * since RDS identifiers are stored lower-case).
 */
export function rdsFilterMatcher<T>(
  filters: Filter[] | undefined,
  fields: Record<string, (resource: T) => Array<string | undefined>>,
): (resource: T) => boolean {
  for (const filter of filters ?? []) {
    if (!Object.hasOwn(fields, filter.Name ?? ''))
      throw invalidParameterValue(`Unrecognized filter name: ${filter.Name}`);
  }
  return (resource) =>
    (filters ?? []).every((filter) => {
      const actual = (fields[filter.Name ?? '']?.(resource) ?? []).map((value) => value?.toLowerCase());
      return (filter.Values ?? []).some((wanted) => actual.includes(wanted.toLowerCase()));
    });
}
