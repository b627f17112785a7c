import type { TaggedResource } from '../aws/resource-tags-port.ts';
import { isBotError } from '../errors.ts';

const SERVICE_NAMES = { rds: 'RDS', cloudwatch: 'CloudWatch' } as const;

/** The AWS error's own name and words, from the SDK error a BotError wraps. */
function awsError(error: unknown): { name: string; message: string } {
  const raw = isBotError(error) && error.cause instanceof Error ? error.cause : error;
  if (!(raw instanceof Error)) return { name: 'Error', message: String(error) };
  return { name: raw.name, message: raw.message.slice(0, 200) };
}

/**
 * Why a tag read failed, in words a person can act on (shown on the card): who may not do what on
 * which ARN, that AWS is throttling and when warroom tries again, or what AWS answered.
 */
export function describeTagFailure(error: unknown, resource: TaggedResource, retryInMs: number): string {
  const action = `${resource.service}:ListTagsForResource`;
  const { name, message } = awsError(error);
  const code = isBotError(error) ? error.code : undefined;
  const again = `warroom reads them again in ${Math.round(retryInMs / 1000)} s`;
  switch (code) {
    case 'AWS.ACCESS_DENIED':
      // A refused permission wants a policy change; refused credentials (expired, unknown) do not.
      return /AccessDenied|Unauthorized|AuthorizationError/.test(name)
        ? `${name}: warroom's role may not ${action} on ${resource.arn}`
        : `${name}: AWS refused warroom's credentials for ${action} on ${resource.arn}: ${message}`;
    case 'AWS.THROTTLED':
      return `throttled: AWS is throttling ${action} (${name}); ${again}`;
    case 'AWS.NOT_FOUND':
      return `${name}: ${SERVICE_NAMES[resource.service]} has no ${resource.arn}`;
    case 'AWS.VALIDATION':
      return `${name}: ${SERVICE_NAMES[resource.service]} refused ${action} on ${resource.arn}: ${message}`;
    default:
      return `${action} on ${resource.arn} failed (${name}: ${message}); ${again}`;
  }
}
