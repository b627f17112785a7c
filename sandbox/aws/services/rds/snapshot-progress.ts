interface ProgressFields {
  Status?: string;
  PercentProgress?: number;
  SnapshotCreateTime?: Date;
}

/**
 * A snapshot as RDS shows it at `now`: `creating` with a rising PercentProgress until its
 * `availableAt`, then `available` at 100. Derived from the injected clock on every read, so a test
 * moves a snapshot along by advancing the clock. Seeds without `availableAt` are shown as seeded.
 */
export function snapshotAt<T extends ProgressFields>(
  snapshot: T,
  availableAt: Date | undefined,
  now: Date,
): T {
  if (!availableAt) return snapshot;
  if (now.getTime() >= availableAt.getTime())
    return { ...snapshot, Status: 'available', PercentProgress: 100 };
  const start = snapshot.SnapshotCreateTime?.getTime() ?? now.getTime();
  const span = Math.max(1, availableAt.getTime() - start);
  const percent = Math.min(99, Math.max(0, Math.floor(((now.getTime() - start) / span) * 100)));
  return { ...snapshot, Status: 'creating', PercentProgress: percent };
}
