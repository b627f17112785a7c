import { describe, expect, it } from 'vitest';
import { incidentSnapshotName, isValidRdsIdentifier, MAX_SNAPSHOT_ID } from '../../src/rds/snapshot-name.ts';

describe('incidentSnapshotName', () => {
  it('names the snapshot from the incident and the UTC minute', () => {
    expect(incidentSnapshotName(42, new Date('2026-11-22T09:31:59Z'))).toBe('warroom-inc-42-20261122-0931');
    expect(incidentSnapshotName(7, new Date('2027-01-05T23:04:00+02:00'))).toBe(
      'warroom-inc-7-20270105-2104',
    );
  });

  it('is a valid identifier even for a cluster snapshot (63 characters), whatever the incident number', () => {
    const name = incidentSnapshotName(999_999_999, new Date('2026-12-31T23:59:00Z'));
    expect(isValidRdsIdentifier(name, MAX_SNAPSHOT_ID.cluster)).toBe(true);
  });
});

describe('isValidRdsIdentifier', () => {
  it('follows the AWS rule: a letter first, letters, digits and single hyphens, no trailing hyphen', () => {
    for (const good of ['a', 'snap-1', 'A1-b2']) expect(isValidRdsIdentifier(good, 63)).toBe(true);
    for (const bad of ['', '1snap', 'snap--1', 'snap-', 'snap_1', 'snap.1', 'a'.repeat(64)])
      expect(isValidRdsIdentifier(bad, 63)).toBe(false);
  });
});
