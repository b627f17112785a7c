/** The parts of an ARN warroom uses. `resource` is everything after the account field. */
export interface ParsedArn {
  partition: string;
  service: string;
  region?: string;
  accountId?: string;
  resource: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT_ID = /^\d{12}$/;

export function isRegion(value: string | undefined | null): value is string {
  return typeof value === 'string' && REGION.test(value);
}

export function isAccountId(value: string | undefined | null): value is string {
  return typeof value === 'string' && ACCOUNT_ID.test(value);
}

/**
 * Splits an ARN. Region and account are kept only when they look real: documentation samples
 * carry placeholders such as `REGION` and `ACCOUNT_NUMBER`, which must not reach a resource key.
 */
export function parseArn(arn: string | undefined | null): ParsedArn | undefined {
  if (!arn) return undefined;
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region, accountId] = parts;
  if (!partition.startsWith('aws') || service === '') return undefined;
  return {
    partition,
    service,
    ...(isRegion(region) ? { region } : {}),
    ...(isAccountId(accountId) ? { accountId } : {}),
    resource: parts.slice(5).join(':'),
  };
}

/** Region and account of the SNS topic that delivered a message: the fallback when the body names none. */
export function topicLocation(topicArn: string): { region?: string; accountId?: string } {
  const parsed = parseArn(topicArn);
  return {
    ...(parsed?.region ? { region: parsed.region } : {}),
    ...(parsed?.accountId ? { accountId: parsed.accountId } : {}),
  };
}

export interface AwsLocation {
  region?: string;
  accountId?: string;
}

/** The first known region and the first known account among candidates, best source first. */
export function firstLocation(...candidates: (AwsLocation | undefined)[]): AwsLocation {
  const region = candidates.find((c) => c?.region)?.region;
  const accountId = candidates.find((c) => c?.accountId)?.accountId;
  return { ...(region ? { region } : {}), ...(accountId ? { accountId } : {}) };
}

/** A location from loose fields (EventBridge envelope, CloudTrail record), keeping only real-looking values. */
export function checkedLocation(
  region: string | null | undefined,
  accountId: string | null | undefined,
): AwsLocation {
  return { ...(isRegion(region) ? { region } : {}), ...(isAccountId(accountId) ? { accountId } : {}) };
}
