import { describe, expect, it } from 'vitest';
import { parseCloudTrailRds } from '../../../handlers/notifications/cloudtrail-rds.ts';
import { loadPayload, notificationOf, variantOf } from './notification-fixtures.ts';

const createClusterSnapshot = loadPayload('cloudtrail-create-db-cluster-snapshot.json');
const madePublic = loadPayload('cloudtrail-modify-db-snapshot-attribute.json');

type Json = Record<string, unknown>;
const detailOf = (event: Json) => event['detail'] as Json;
const requestOf = (event: Json) => detailOf(event)['requestParameters'] as Json;
const facts = (alert: { facts: { label: string; value: string }[] } | undefined) =>
  Object.fromEntries((alert?.facts ?? []).map((f) => [f.label, f.value]));

describe('parseCloudTrailRds', () => {
  it('flags a snapshot made public as a security signal, naming who, from where and with what', () => {
    const alert = parseCloudTrailRds(notificationOf(madePublic));
    expect(alert).toMatchObject({
      source: 'cloudtrail',
      signalType: 'cloudtrail:ModifyDBSnapshotAttribute:public',
      title: 'Snapshot orders-db-manual-2024-05-14 made PUBLIC by ops-admin',
      resource: {
        kind: 'rds-snapshot',
        id: 'orders-db-manual-2024-05-14',
        arn: 'arn:aws:rds:us-east-1:111122223333:snapshot:orders-db-manual-2024-05-14',
        region: 'us-east-1',
        accountId: '111122223333',
      },
    });
    expect(alert?.occurredAt.toISOString()).toBe('2024-05-14T10:20:03.000Z');
    expect(facts(alert)).toEqual({
      Who: 'arn:aws:iam::111122223333:user/ops-admin (IAMUser)',
      'Source IP': '203.0.113.77',
      'User agent': 'aws-cli/2.15.40 md/command#rds.modify-db-snapshot-attribute',
      Snapshot: 'orders-db-manual-2024-05-14',
      'Restore access added': 'everyone (public)',
    });
  });

  it('reads cluster snapshot creation as routine, with the ARN from the response', () => {
    const alert = parseCloudTrailRds(notificationOf(createClusterSnapshot));
    expect(alert).toMatchObject({
      signalType: 'cloudtrail:CreateDBClusterSnapshot',
      title: 'Cluster snapshot orders-cluster-pre-migration created by jane.doe (DBAdmin)',
      resource: {
        kind: 'rds-cluster-snapshot',
        id: 'orders-cluster-pre-migration',
        arn: 'arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders-cluster-pre-migration',
      },
    });
    expect(facts(alert)['Who']).toBe('arn:aws:sts::111122223333:assumed-role/DBAdmin/jane.doe (AssumedRole)');
  });

  it('names CreateDBSnapshot by its own signal type', () => {
    const create = variantOf(createClusterSnapshot, (e) => {
      detailOf(e)['eventName'] = 'CreateDBSnapshot';
      detailOf(e)['requestParameters'] = {
        dBSnapshotIdentifier: 'orders-manual',
        dBInstanceIdentifier: 'orders-db',
      };
      detailOf(e)['responseElements'] = null;
    });
    expect(parseCloudTrailRds(notificationOf(create))).toMatchObject({
      signalType: 'cloudtrail:CreateDBSnapshot',
      title: 'Snapshot orders-manual created by jane.doe (DBAdmin)',
      resource: { kind: 'rds-snapshot', arn: 'arn:aws:rds:us-east-1:111122223333:snapshot:orders-manual' },
    });
  });

  it('tells sharing with accounts apart from making public, and from unsharing', () => {
    const shared = variantOf(madePublic, (e) => {
      requestOf(e)['valuesToAdd'] = ['444455556666'];
    });
    expect(parseCloudTrailRds(notificationOf(shared))).toMatchObject({
      signalType: 'cloudtrail:ModifyDBSnapshotAttribute:shared',
      title: 'Snapshot orders-db-manual-2024-05-14 shared with 444455556666 by ops-admin',
    });
    const unshared = variantOf(madePublic, (e) => {
      delete requestOf(e)['valuesToAdd'];
      requestOf(e)['valuesToRemove'] = ['all'];
    });
    expect(parseCloudTrailRds(notificationOf(unshared))?.signalType).toBe(
      'cloudtrail:ModifyDBSnapshotAttribute:unshared',
    );
  });

  it('reads the cluster-snapshot variant of the attribute call', () => {
    const cluster = variantOf(madePublic, (e) => {
      detailOf(e)['eventName'] = 'ModifyDBClusterSnapshotAttribute';
      detailOf(e)['requestParameters'] = {
        dBClusterSnapshotIdentifier: 'orders-cluster-pre-migration',
        attributeName: 'restore',
        valuesToAdd: ['all'],
      };
    });
    expect(parseCloudTrailRds(notificationOf(cluster))).toMatchObject({
      signalType: 'cloudtrail:ModifyDBClusterSnapshotAttribute:public',
      title: 'Cluster snapshot orders-cluster-pre-migration made PUBLIC by ops-admin',
      resource: { kind: 'rds-cluster-snapshot', id: 'orders-cluster-pre-migration' },
    });
  });

  it('marks failed calls, keeping the attempted change as facts', () => {
    const denied = variantOf(madePublic, (e) => {
      detailOf(e)['errorCode'] = 'AccessDenied';
      detailOf(e)['errorMessage'] = 'User is not authorized to perform rds:ModifyDBSnapshotAttribute';
      detailOf(e)['responseElements'] = null;
    });
    const alert = parseCloudTrailRds(notificationOf(denied));
    expect(alert).toMatchObject({
      signalType: 'cloudtrail:ModifyDBSnapshotAttribute:failed',
      title: 'ModifyDBSnapshotAttribute failed on orders-db-manual-2024-05-14: AccessDenied (ops-admin)',
      detail: 'User is not authorized to perform rds:ModifyDBSnapshotAttribute',
    });
    expect(facts(alert)['Restore access added']).toBe('everyone (public)');
    expect(facts(alert)['Error']).toMatch(/^AccessDenied: /);
  });

  it('reads other RDS API calls generically and ignores attributes other than restore', () => {
    const reboot = variantOf(createClusterSnapshot, (e) => {
      detailOf(e)['eventName'] = 'RebootDBInstance';
      detailOf(e)['requestParameters'] = { dBInstanceIdentifier: 'orders-db' };
    });
    expect(parseCloudTrailRds(notificationOf(reboot))).toMatchObject({
      signalType: 'cloudtrail:RebootDBInstance',
      title: 'RebootDBInstance on orders-db by jane.doe (DBAdmin)',
      resource: {
        kind: 'rds-instance',
        id: 'orders-db',
        arn: 'arn:aws:rds:us-east-1:111122223333:db:orders-db',
      },
    });
    const otherAttribute = variantOf(madePublic, (e) => {
      requestOf(e)['attributeName'] = 'copy';
    });
    expect(parseCloudTrailRds(notificationOf(otherAttribute))?.signalType).toBe(
      'cloudtrail:ModifyDBSnapshotAttribute',
    );
  });

  it('addresses a snapshot named by ARN by that ARN', () => {
    const byArn = variantOf(madePublic, (e) => {
      requestOf(e)['dBSnapshotIdentifier'] = 'arn:aws:rds:eu-west-1:444455556666:snapshot:shared-in';
    });
    expect(parseCloudTrailRds(notificationOf(byArn))?.resource).toMatchObject({
      id: 'shared-in',
      region: 'eu-west-1',
      accountId: '444455556666',
    });
  });

  it('leaves Incident Manager CloudTrail events to their parser and rejects a broken RDS record', () => {
    expect(
      parseCloudTrailRds(notificationOf(loadPayload('incident-manager-cloudtrail-start-incident.json'))),
    ).toBeUndefined();
    const broken = variantOf(madePublic, (e) => {
      delete detailOf(e)['eventName'];
    });
    expect(() => parseCloudTrailRds(notificationOf(broken))).toThrow(
      expect.objectContaining({
        code: 'PARSE.INVALID',
        userMessage: expect.stringContaining('Looked like a CloudTrail RDS API call but detail.eventName'),
      }),
    );
  });
});
