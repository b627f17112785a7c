import type { AssumeRoleRequest, AssumeRoleResponse } from '@aws-sdk/client-sts';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { AwsServiceError } from '../../service-error.ts';

/**
 * AssumeRole: the role must exist and trust the caller; a role whose trust policy names an
 * external id refuses any other (or none) with the same AccessDenied, as AWS does, so a caller
 * cannot probe which was wrong. Longer than the role's MaxSessionDuration is a ValidationError.
 */
export function assumeRole(raw: Record<string, unknown>, context: HandlerContext): AssumeRoleResponse {
  const input = validatedInput<AssumeRoleRequest>(raw);
  const roleArn = input.RoleArn ?? '';
  const sessionName = input.RoleSessionName ?? '';
  const role = context.state.sts.roles.get(roleArn);
  if (!role || (role.externalId !== undefined && role.externalId !== input.ExternalId)) {
    throw new AwsServiceError(
      'AccessDenied',
      `User: arn:aws:iam::${context.accountId}:user/warroom is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      { status: 403 },
    );
  }
  const seconds = input.DurationSeconds ?? 3600;
  if (seconds > role.maxSessionSeconds) {
    throw new AwsServiceError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      { status: 400 },
    );
  }
  const issued = context.state.sts.issue(role, sessionName, seconds);
  const roleName = roleArn.split('/').pop() ?? '';
  return {
    Credentials: {
      AccessKeyId: issued.accessKeyId,
      SecretAccessKey: issued.secretAccessKey,
      SessionToken: issued.sessionToken,
      Expiration: issued.expiration,
    },
    AssumedRoleUser: {
      AssumedRoleId: `AROA${issued.accessKeyId.slice(4)}:${sessionName}`,
      Arn: `arn:aws:sts::${role.accountId}:assumed-role/${roleName}/${sessionName}`,
    },
    PackedPolicySize: 0,
  };
}
