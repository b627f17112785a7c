import { describe, expect, it } from 'vitest';
import { parseCloudTrailRds } from '../../../handlers/notifications/cloudtrail-rds.ts';
import { parseRdsEvent } from '../../../handlers/notifications/rds-event.ts';
import { riskyChangesOfCall } from '../../../handlers/notifications/rds-risky-change.ts';
import { groupKeyFor } from '../../../src/signals/group-key.ts';
import { decideSignal, signalTypesOf } from '../../../src/signals/signal-policy.ts';
import { loadPayload, notificationOf, variantOf } from './notification-fixtures.ts';

const deletion = loadPayload('cloudtrail-delete-db-instance-skip-final-snapshot.json');
const riskyModify = loadPayload('cloudtrail-modify-db-instance-risky.json');

type Json = Record<string, unknown>;
const detailOf = (event: Json) => event['detail'] as Json;
const facts = (alert: { facts: { label: string; value: string }[] } | undefined) =>
  Object.fromEntries((alert?.facts ?? []).map((f) => [f.label, f.value]));
const decide = (alert: Parameters<typeof signalTypesOf>[0]) =>
  decideSignal(signalTypesOf(alert), undefined, []);

describe('risky RDS changes seen by CloudTrail', () => {
  it('opens at impact 2 for a DeleteDBInstance that skipped the final snapshot, naming who did it', () => {
    const alert = parseCloudTrailRds(notificationOf(deletion));
    expect(alert).toMatchObject({
      signalType: 'cloudtrail:DeleteDBInstance',
      otherSignalTypes: ['rds-change:deleted-without-final-snapshot', 'rds-change:deleted'],
      title: 'DB instance orders-db DELETED without a final snapshot by jane.doe (DBAdmin)',
      resource: { kind: 'rds-instance', id: 'orders-db', region: 'us-east-1', accountId: '111122223333' },
    });
    expect(alert?.detail).toBe(
      'No final snapshot was taken: unless automated backups were kept, the data is gone.',
    );
    expect(facts(alert)).toMatchObject({
      'Final snapshot': 'none (SkipFinalSnapshot)',
      'Automated backups': 'deleted as well',
    });
    expect(decide(alert!)).toEqual({ effect: 'open', impact: 2 });
  });

  it('judges a deletion with a final snapshot exactly as the RDS "DB instance deleted" event', () => {
    const withSnapshot = variantOf(deletion, (e) => {
      detailOf(e)['requestParameters'] = {
        dBInstanceIdentifier: 'orders-db',
        skipFinalSnapshot: false,
        finalDBSnapshotIdentifier: 'orders-db-final',
      };
    });
    const trail = parseCloudTrailRds(notificationOf(withSnapshot))!;
    expect(trail.otherSignalTypes).toEqual(['rds-change:deleted']);
    expect(facts(trail)['Final snapshot']).toBe('orders-db-final');
    const rds = parseRdsEvent(
      notificationOf({
        'Event Source': 'db-instance',
        'Event Time': '2024-05-14 11:09:40.012',
        'Identifier Link': 'https://console.aws.amazon.com/rds/home?region=us-east-1#dbinstance:id=orders-db',
        'Source ID': 'orders-db',
        'Source ARN': 'arn:aws:rds:us-east-1:111122223333:db:orders-db',
        'Event ID':
          'http://docs.amazonwebservices.com/AmazonRDS/latest/UserGuide/USER_Events.html#RDS-EVENT-0003',
        'Event Message': 'DB instance deleted',
      }),
    )!;
    expect(decide(rds)).toEqual({ effect: 'open', impact: 3 });
    expect(decide(trail)).toEqual(decide(rds));
    expect(groupKeyFor(trail)).toBe(groupKeyFor(rds));
  });

  it('reads every risky change of one ModifyDBInstance call, most severe first', () => {
    const alert = parseCloudTrailRds(notificationOf(riskyModify));
    expect(alert).toMatchObject({
      signalType: 'cloudtrail:ModifyDBInstance',
      otherSignalTypes: ['rds-change:public', 'rds-change:backups-off', 'rds-change:deletion-protection-off'],
      title:
        'DB instance orders-db made publicly accessible, automated backups turned off, deletion protection removed by jane.doe (DBAdmin)',
    });
    expect(facts(alert)['Applied']).toBe('immediately');
    expect(decide(alert!)).toEqual({ effect: 'open', impact: 2 });
  });

  it.each([
    ['ModifyDBInstance', { publiclyAccessible: true }, ['public'], 2],
    ['ModifyDBInstance', { backupRetentionPeriod: 0 }, ['backups-off'], 3],
    ['ModifyDBCluster', { deletionProtection: false }, ['deletion-protection-off'], 4],
    ['DeleteDBCluster', { skipFinalSnapshot: true }, ['deleted-without-final-snapshot', 'deleted'], 2],
  ])('%s with %j is %j and opens at impact %i', (eventName, params, changes, impact) => {
    const identifier = eventName.endsWith('Cluster') ? 'dBClusterIdentifier' : 'dBInstanceIdentifier';
    const event = variantOf(riskyModify, (e) => {
      detailOf(e)['eventName'] = eventName;
      detailOf(e)['requestParameters'] = { [identifier]: 'orders', ...params };
      detailOf(e)['responseElements'] = null;
    });
    const alert = parseCloudTrailRds(notificationOf(event))!;
    expect(alert.otherSignalTypes).toEqual(changes.map((c) => `rds-change:${c}`));
    expect(alert.resource?.kind).toBe(eventName.endsWith('Cluster') ? 'rds-cluster' : 'rds-instance');
    expect(decide(alert)).toEqual({ effect: 'open', impact });
  });

  it('sees nothing risky in the safe direction, nor in a call that failed', () => {
    expect(
      riskyChangesOfCall('ModifyDBInstance', {
        publiclyAccessible: false,
        backupRetentionPeriod: 7,
        deletionProtection: true,
      }),
    ).toEqual([]);
    const refused = variantOf(deletion, (e) => {
      detailOf(e)['errorCode'] = 'AccessDenied';
      detailOf(e)['errorMessage'] = 'User is not authorized to perform: rds:DeleteDBInstance';
      detailOf(e)['responseElements'] = null;
    });
    const alert = parseCloudTrailRds(notificationOf(refused))!;
    expect(alert.signalType).toBe('cloudtrail:DeleteDBInstance:failed');
    expect(alert.otherSignalTypes).toBeUndefined();
    expect(decide(alert)).toEqual({ effect: 'annotate', impact: 3 });
  });
});
