/**
 * A change that puts an RDS database's data at risk or exposes it. CloudTrail (the API call) and
 * RDS events (what RDS did) can both report one; both carry the same `rds-change:<change>` signal
 * type, so one row of the signal policy judges them alike.
 */
export type RdsRiskyChange =
  | 'deleted-without-final-snapshot'
  | 'deleted'
  | 'public'
  | 'backups-off'
  | 'deletion-protection-off';

/** Most severe first: the first change of a message names it. */
const SEVERITY: readonly RdsRiskyChange[] = [
  'deleted-without-final-snapshot',
  'deleted',
  'public',
  'backups-off',
  'deletion-protection-off',
];

/** The RDS events that report such a change (IDs from rds-event-catalog.yml). */
const CHANGES_BY_EVENT_ID: Readonly<Record<string, readonly RdsRiskyChange[]>> = {
  'RDS-EVENT-0003': ['deleted'], // DB instance deleted
  'RDS-EVENT-0171': ['deleted'], // DB cluster deleted
  'RDS-EVENT-0028': ['backups-off'], // automated backups disabled
};

export function riskySignalType(change: RdsRiskyChange): string {
  return `rds-change:${change}`;
}

export function riskyChangesOfRdsEvent(eventId: string | undefined): RdsRiskyChange[] {
  return eventId ? [...(CHANGES_BY_EVENT_ID[eventId] ?? [])] : [];
}

/**
 * What a successful RDS API call changed, from its CloudTrail `requestParameters` (camelCase,
 * JSON-typed: `skipFinalSnapshot: true`, `backupRetentionPeriod: 0`). Strings are accepted too,
 * as hand-built events sometimes carry them.
 */
export function riskyChangesOfCall(
  eventName: string,
  request: Record<string, unknown> | null | undefined,
): RdsRiskyChange[] {
  const params = request ?? {};
  const changes = new Set<RdsRiskyChange>();
  if (eventName === 'DeleteDBInstance' || eventName === 'DeleteDBCluster') {
    changes.add('deleted');
    if (isTrue(params['skipFinalSnapshot'])) changes.add('deleted-without-final-snapshot');
  }
  if (eventName === 'ModifyDBInstance' || eventName === 'ModifyDBCluster') {
    if (isTrue(params['publiclyAccessible'])) changes.add('public');
    if (isZero(params['backupRetentionPeriod'])) changes.add('backups-off');
    if (isFalse(params['deletionProtection'])) changes.add('deletion-protection-off');
  }
  return SEVERITY.filter((change) => changes.has(change));
}

const HEADLINES: Record<RdsRiskyChange, string> = {
  'deleted-without-final-snapshot': 'DELETED without a final snapshot',
  deleted: 'deleted',
  public: 'made publicly accessible',
  'backups-off': 'automated backups turned off',
  'deletion-protection-off': 'deletion protection removed',
};

const CONSEQUENCES: Record<RdsRiskyChange, string> = {
  'deleted-without-final-snapshot':
    'No final snapshot was taken: unless automated backups were kept, the data is gone.',
  deleted: 'The database is gone; restore it from its final snapshot or a backup if this was not intended.',
  public:
    'The database now gets a public IP address: anyone its security groups let in can reach it from the internet.',
  'backups-off':
    'Backup retention is 0: automated backups are deleted and point-in-time restore is no longer possible.',
  'deletion-protection-off': 'Nothing now stops the database from being deleted.',
};

/** The changes worth naming: a deletion without a final snapshot says all a plain deletion would. */
export function namedChanges(changes: readonly RdsRiskyChange[]): RdsRiskyChange[] {
  const skipped = changes.includes('deleted-without-final-snapshot');
  return changes.filter((change) => !(skipped && change === 'deleted'));
}

/** "made publicly accessible": for titles such as `orders-db made publicly accessible by jane`. */
export function describeRiskyChange(change: RdsRiskyChange): string {
  return HEADLINES[change];
}

/** What the change means for the data, in one sentence. */
export function riskyChangeConsequence(change: RdsRiskyChange): string {
  return CONSEQUENCES[change];
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

function isZero(value: unknown): boolean {
  return value === 0 || value === '0';
}
