import { createHash } from 'node:crypto';
import { type BuildContext, type BuiltNotification, eventBridgeTime } from './build-context.ts';
import type { CloudTrailSpec } from './notification-schema.ts';

/** A UUID made from `seed`, so a scenario publishes the same ids every time it runs. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The CLI's user agent for a call, as CloudTrail records it (`md/command#rds.modify-db-snapshot-attribute`). */
function cliUserAgent(service: string, eventName: string): string {
  const command = eventName
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
  return `aws-cli/2.15.40 md/command#${service}.${command}`;
}

/**
 * What a Modify*SnapshotAttribute call answers: the attribute as it is after the call. The
 * emulator holds no earlier value, so it is the values added (what the sandbox seed also sets).
 */
function snapshotAttributeResponse(request: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!request) return null;
  const values = Array.isArray(request['valuesToAdd']) ? request['valuesToAdd'] : [];
  const attributes = [{ attributeName: request['attributeName'], attributeValues: values }];
  if (typeof request['dBClusterSnapshotIdentifier'] === 'string') {
    return {
      dBClusterSnapshotIdentifier: request['dBClusterSnapshotIdentifier'],
      dBClusterSnapshotAttributes: attributes,
    };
  }
  return { dBSnapshotIdentifier: request['dBSnapshotIdentifier'], dBSnapshotAttributes: attributes };
}

function defaultResponse(spec: CloudTrailSpec): Record<string, unknown> | null {
  if (spec.errorCode) return null;
  if (
    spec.eventName === 'ModifyDBSnapshotAttribute' ||
    spec.eventName === 'ModifyDBClusterSnapshotAttribute'
  ) {
    return snapshotAttributeResponse(spec.requestParameters);
  }
  return null;
}

/**
 * An "AWS API Call via CloudTrail" event as an EventBridge rule delivers it to SNS: the compact
 * event JSON and no Subject. The record's keys and their order follow
 * shared/fixtures/payloads/cloudtrail-modify-db-snapshot-attribute.json (RDS's odd `dB…` keys are
 * the caller's business: they come from `requestParameters` as written).
 */
export function buildCloudTrail(spec: CloudTrailSpec, context: BuildContext): BuiltNotification {
  const { accountId, region, at } = context;
  const time = eventBridgeTime(at);
  const seed = `${spec.eventName}|${JSON.stringify(spec.requestParameters)}|${time}`;
  const detail = {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLEUSERID1234',
      arn: `arn:aws:iam::${accountId}:user/${spec.userName}`,
      accountId,
      accessKeyId: 'AKIAEXAMPLEKEY987654',
      userName: spec.userName,
    },
    eventTime: time,
    eventSource: `${spec.service}.amazonaws.com`,
    eventName: spec.eventName,
    awsRegion: region,
    sourceIPAddress: spec.sourceIPAddress,
    userAgent: spec.userAgent ?? cliUserAgent(spec.service, spec.eventName),
    ...(spec.errorCode
      ? { errorCode: spec.errorCode, errorMessage: spec.errorMessage ?? spec.errorCode }
      : {}),
    requestParameters: spec.requestParameters,
    responseElements: spec.responseElements === undefined ? defaultResponse(spec) : spec.responseElements,
    requestID: stableUuid(`request|${seed}`),
    eventID: stableUuid(`event|${seed}`),
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `${spec.service}.${region}.amazonaws.com`,
    },
  };
  const event = {
    version: '0',
    id: stableUuid(`envelope|${seed}`),
    'detail-type': 'AWS API Call via CloudTrail',
    source: `aws.${spec.service}`,
    account: accountId,
    time,
    region,
    resources: [],
    detail,
  };
  return { message: JSON.stringify(event) };
}
