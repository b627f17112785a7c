// Partition, region, 12-digit account, topic name (standard or FIFO), as SNS writes TopicArn.
const TOPIC_ARN = /^arn:aws(?:-cn|-us-gov)?:sns:([^:]+):\d{12}:[A-Za-z0-9_-]{1,256}(?:\.fifo)?$/;

// Commercial, China and GovCloud region names (`eu-central-1`, `cn-north-1`, `us-gov-west-1`).
// Deliberately narrow: the region becomes part of a hostname we trust, so `s3-ap-southeast-2`
// (which would make `sns.s3-ap-southeast-2.amazonaws.com`, an S3 bucket) must not pass.
const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}$/;

/** The region field of an SNS topic ARN, or `undefined` when `topicArn` is not an SNS topic ARN. */
export function readTopicRegion(topicArn: string): string | undefined {
  return TOPIC_ARN.exec(topicArn)?.[1];
}

/** True for a syntactically plausible AWS region name in a partition SNS serves on amazonaws.com(.cn). */
export function isSnsRegion(region: string): boolean {
  return REGION.test(region);
}

/** The SNS endpoint host of a region: `sns.<region>.amazonaws.com`, `.amazonaws.com.cn` for China. */
export function buildSnsEndpointHost(region: string): string {
  return region.startsWith('cn-') ? `sns.${region}.amazonaws.com.cn` : `sns.${region}.amazonaws.com`;
}
