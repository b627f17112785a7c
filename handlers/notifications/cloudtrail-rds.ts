import { z } from 'zod';
import type { SnsNotification } from '../../src/intake/index.ts';
import type { Alert, AlertFact, Resource } from '../../src/signals/index.ts';
import { clampAlert, escapeMrkdwn, truncate } from './alert-text.ts';
import { checkedLocation, firstLocation } from './aws-arn.ts';
import { parseAwsTime } from './aws-time.ts';
import { describeCaller } from './cloudtrail-identity.ts';
import { snapshotOrDatabase } from './cloudtrail-rds-resource.ts';
import { riskyChangeFacts } from './cloudtrail-risky-change-facts.ts';
import {
  classifySnapshotSharing,
  describeAudience,
  type SnapshotSharingChange,
} from './cloudtrail-snapshot-sharing.ts';
import { CLOUDTRAIL_DETAIL_TYPE, detailField, readEventBridgeHeader } from './eventbridge-event.ts';
import { parseClaimed, parseJsonObject } from './message-schema.ts';
import type { NotificationParser } from './notification-parser.ts';
import {
  describeRiskyChange,
  namedChanges,
  type RdsRiskyChange,
  riskyChangeConsequence,
  riskyChangesOfCall,
  riskySignalType,
} from './rds-risky-change.ts';

const parameters = z.record(z.string(), z.unknown()).nullish();

/** A CloudTrail record for an RDS API call, as EventBridge wraps it. Failed calls carry errorCode. */
const cloudTrailRdsSchema = z.object({
  account: z.string().nullish(),
  region: z.string().nullish(),
  time: z.string().nullish(),
  detail: z.object({
    eventName: z.string().min(1),
    eventTime: z.string().nullish(),
    awsRegion: z.string().nullish(),
    recipientAccountId: z.string().nullish(),
    sourceIPAddress: z.string().nullish(),
    userAgent: z.string().nullish(),
    userIdentity: z
      .object({
        type: z.string().nullish(),
        arn: z.string().nullish(),
        userName: z.string().nullish(),
        principalId: z.string().nullish(),
        invokedBy: z.string().nullish(),
      })
      .nullish(),
    requestParameters: parameters,
    responseElements: parameters,
    errorCode: z.string().nullish(),
    errorMessage: z.string().nullish(),
  }),
});

type CloudTrailDetail = z.output<typeof cloudTrailRdsSchema>['detail'];

/** RDS API calls recorded by CloudTrail ("AWS API Call via CloudTrail", eventSource rds.amazonaws.com). */
export const cloudTrailRdsParser: NotificationParser = {
  source: 'cloudtrail',
  async parse(notification) {
    return parseCloudTrailRds(notification);
  },
};

export function parseCloudTrailRds(notification: SnsNotification): Alert | undefined {
  const body = parseJsonObject(notification.message);
  const header = readEventBridgeHeader(body);
  if (header?.detailType !== CLOUDTRAIL_DETAIL_TYPE) return undefined;
  if (header.source !== 'aws.rds' && detailField(header.detail, 'eventSource') !== 'rds.amazonaws.com')
    return undefined;
  const event = parseClaimed(cloudTrailRdsSchema, body, 'a CloudTrail RDS API call');

  const { detail } = event;
  const resource = snapshotOrDatabase(
    detail,
    firstLocation(
      checkedLocation(detail.awsRegion, detail.recipientAccountId),
      checkedLocation(event.region, event.account),
    ),
  );
  const sharing = classifySnapshotSharing(detail.eventName, detail.requestParameters);
  const failed = Boolean(detail.errorCode);
  // A refused call changed nothing: it is context, never a risky change.
  const changes = failed ? [] : riskyChangesOfCall(detail.eventName, detail.requestParameters);
  const caller = describeCaller(detail.userIdentity);
  return clampAlert({
    source: 'cloudtrail',
    signalType: signalTypeOf(detail.eventName, failed ? undefined : sharing, failed),
    ...(changes.length > 0 ? { otherSignalTypes: changes.map(riskySignalType) } : {}),
    title: titleOf(detail, resource, failed ? undefined : sharing, changes, caller.short),
    detail: detailOf(detail, failed ? undefined : sharing, changes),
    occurredAt: parseAwsTime(detail.eventTime) ?? parseAwsTime(event.time) ?? notification.timestamp,
    ...(resource ? { resource } : {}),
    facts: [
      ...factsOf(detail, resource, sharing, caller.full),
      ...riskyChangeFacts(detail.requestParameters, changes),
    ],
  });
}

function signalTypeOf(
  eventName: string,
  sharing: SnapshotSharingChange | undefined,
  failed: boolean,
): string {
  if (failed) return `cloudtrail:${eventName}:failed`;
  return sharing ? `cloudtrail:${eventName}:${sharing.kind}` : `cloudtrail:${eventName}`;
}

function titleOf(
  detail: CloudTrailDetail,
  resource: Resource | undefined,
  sharing: SnapshotSharingChange | undefined,
  changes: RdsRiskyChange[],
  who: string,
): string {
  const on = resource ? ` on ${resource.id}` : '';
  if (detail.errorCode) return `${detail.eventName} failed${on}: ${detail.errorCode} (${who})`;
  const [worst] = changes;
  if (worst) {
    const noun = resource?.kind === 'rds-cluster' ? 'DB cluster' : 'DB instance';
    const what = namedChanges(changes).map(describeRiskyChange).join(', ');
    return `${noun} ${resource?.id ?? '?'} ${what} by ${who}`;
  }
  const noun = resource?.kind === 'rds-cluster-snapshot' ? 'Cluster snapshot' : 'Snapshot';
  const id = resource?.id ?? '?';
  if (sharing?.kind === 'public') return `${noun} ${id} made PUBLIC by ${who}`;
  if (sharing?.kind === 'shared')
    return `${noun} ${id} shared with ${describeAudience(sharing.added)} by ${who}`;
  if (sharing?.kind === 'unshared') {
    return `${noun} ${id} no longer shared with ${describeAudience(sharing.removed)} (${who})`;
  }
  if (detail.eventName === 'CreateDBSnapshot' || detail.eventName === 'CreateDBClusterSnapshot') {
    return `${noun} ${id} created by ${who}`;
  }
  return `${detail.eventName}${on} by ${who}`;
}

function detailOf(
  detail: CloudTrailDetail,
  sharing: SnapshotSharingChange | undefined,
  changes: RdsRiskyChange[],
): string {
  if (detail.errorCode) return escapeMrkdwn(detail.errorMessage ?? detail.errorCode);
  if (changes.length > 0) return namedChanges(changes).map(riskyChangeConsequence).join(' ');
  if (sharing?.kind === 'public') {
    return 'Any AWS account can now copy or restore this snapshot. Remove `all` from its restore attribute unless this is intended.';
  }
  return `RDS API call \`${detail.eventName}\` recorded by CloudTrail.`;
}

function factsOf(
  detail: CloudTrailDetail,
  resource: Resource | undefined,
  sharing: SnapshotSharingChange | undefined,
  who: string,
): AlertFact[] {
  const facts: AlertFact[] = [{ label: 'Who', value: who }];
  if (detail.sourceIPAddress) facts.push({ label: 'Source IP', value: detail.sourceIPAddress });
  if (detail.userAgent) facts.push({ label: 'User agent', value: truncate(detail.userAgent, 200) });
  if (resource?.kind === 'rds-snapshot' || resource?.kind === 'rds-cluster-snapshot') {
    facts.push({ label: 'Snapshot', value: resource.id });
  }
  if (sharing?.added.length)
    facts.push({ label: 'Restore access added', value: describeAudience(sharing.added) });
  if (sharing?.removed.length) {
    facts.push({ label: 'Restore access removed', value: describeAudience(sharing.removed) });
  }
  if (detail.errorCode)
    facts.push({ label: 'Error', value: truncate(`${detail.errorCode}: ${detail.errorMessage ?? ''}`, 500) });
  return facts;
}
