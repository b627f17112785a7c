// Regions whose SNS signing certificate does not name `sns.amazonaws.com`, as AWS's SDK for Java 2.x
// SNS message manager (SnsHostProvider) lists them; sources and dates in docs/sns-signing.md.
const SPECIAL_NAMES: ReadonlyMap<string, string> = new Map([
  ['cn-north-1', 'sns-cn-north-1.amazonaws.com.cn'],
  ['cn-northwest-1', 'sns-cn-northwest-1.amazonaws.com.cn'],
  // Both GovCloud Regions sign with the us-gov-west-1 name.
  ['us-gov-west-1', 'sns-us-gov-west-1.amazonaws.com'],
  ['us-gov-east-1', 'sns-us-gov-west-1.amazonaws.com'],
]);

// Opt-in (and other newer) commercial Regions: `sns-signing.<region>.amazonaws.com`.
const SNS_SIGNING_REGIONS: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
]);

/**
 * The one DNS name AWS's SNS signing certificate carries in `region` (a name that passed
 * isSnsRegion): `sns.amazonaws.com` in the Regions open by default, `sns-signing.<region>.amazonaws.com`
 * in opt-in Regions, `sns-<region>.amazonaws.com.cn` in China, `sns-us-gov-west-1.amazonaws.com` in
 * GovCloud. A China Region the table does not know gets `sns.amazonaws.com.cn`, any other unknown
 * Region `sns.amazonaws.com`, as the SDK guesses; a new opt-in Region needs adding here.
 */
export function buildSigningCertName(region: string): string {
  const special = SPECIAL_NAMES.get(region);
  if (special !== undefined) return special;
  if (SNS_SIGNING_REGIONS.has(region)) return `sns-signing.${region}.amazonaws.com`;
  return region.startsWith('cn-') ? 'sns.amazonaws.com.cn' : 'sns.amazonaws.com';
}
