/** RDS snapshot identifiers: 255 characters for DB snapshots, 63 for cluster snapshots. */
export const MAX_SNAPSHOT_ID = { instance: 255, cluster: 63 } as const;

/**
 * AWS's identifier rule (AWS-NOTES §2.4): letters, digits and hyphens; starts with a letter; no
 * `--` and no trailing hyphen; at most `max` characters.
 */
export function isValidRdsIdentifier(value: string, max: number): boolean {
  return (
    value.length >= 1 &&
    value.length <= max &&
    /^[A-Za-z](?:[A-Za-z0-9]|-(?!-))*$/.test(value) &&
    !value.endsWith('-')
  );
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * The snapshot warroom takes for an incident: `warroom-inc-42-20261122-0931` (UTC, to the minute).
 * Lower case because RDS stores identifiers so; the minute makes a retried or doubled request in
 * the same minute name the same snapshot, which RDS then refuses to create twice.
 */
export function incidentSnapshotName(seq: number, at: Date): string {
  const date = `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`;
  const time = `${two(at.getUTCHours())}${two(at.getUTCMinutes())}`;
  return `warroom-inc-${seq}-${date}-${time}`;
}
