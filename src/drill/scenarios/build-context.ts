/** Where and when a scenario's notification is published: the sandbox account, region and topic. */
export interface BuildContext {
  accountId: string;
  region: string;
  topicArn: string;
  /** When the event happened (the scenario's start plus the step's `after`). */
  at: Date;
}

/** One SNS publish: the Message and, where AWS sets one, the Subject. */
export interface BuiltNotification {
  subject?: string;
  message: string;
}

/**
 * CloudWatch's `Region` display names (the SNS Subject says "in <name>" too). The names have
 * changed over the years, which is why warroom reads the region from AlarmArn; these are today's.
 */
const REGION_NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'EU (Ireland)',
  'eu-west-2': 'EU (London)',
  'eu-west-3': 'EU (Paris)',
  'eu-central-1': 'EU (Frankfurt)',
  'eu-north-1': 'EU (Stockholm)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'sa-east-1': 'South America (Sao Paulo)',
  'ca-central-1': 'Canada (Central)',
};

export function regionDisplayName(region: string): string {
  return REGION_NAMES[region] ?? region;
}

/** `2026-11-22T09:25:00.000+0000`: CloudWatch's timestamps carry an offset without a colon. */
export function cloudWatchTime(at: Date): string {
  return at.toISOString().replace('Z', '+0000');
}

/** `22/11/26 09:25:00`: how CloudWatch dates datapoints inside NewStateReason. */
export function datapointTime(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)} ${iso.slice(11, 19)}`;
}

/** `2026-11-22 09:26:30.000`: RDS event notifications give UTC without a zone. */
export function rdsEventTime(at: Date): string {
  return at.toISOString().replace('T', ' ').replace('Z', '');
}

/** `2026-11-22T09:25:00Z`: EventBridge and CloudTrail times, to the second. */
export function eventBridgeTime(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

/**
 * A double as Java prints it, which is how CloudWatch writes numbers into NewStateReason: 80 →
 * `80.0`, 97.25 → `97.25`, and from 10^7 up (or below 10^-3) `1.099511627776E12`.
 */
export function javaDouble(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e7 || magnitude < 1e-3)) {
    const [mantissa = '', exponent = ''] = value.toExponential().split('e');
    return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
  }
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}
