import type { SnapshotWatchStore } from '../snapshot-watch-store.ts';

/** PLACEHOLDER on the s20/core branch: written by a helper before merging to main. */
// biome-ignore lint: placeholder
export class DynamoDbSnapshotWatches implements SnapshotWatchStore {
  constructor(..._args: unknown[]) {}
  add(): never {
    throw new Error('DynamoDbSnapshotWatches.add is not written yet');
  }
  get(): never {
    throw new Error('DynamoDbSnapshotWatches.get is not written yet');
  }
  listDue(): never {
    throw new Error('DynamoDbSnapshotWatches.listDue is not written yet');
  }
  recordLook(): never {
    throw new Error('DynamoDbSnapshotWatches.recordLook is not written yet');
  }
  claimReport(): never {
    throw new Error('DynamoDbSnapshotWatches.claimReport is not written yet');
  }
  finish(): never {
    throw new Error('DynamoDbSnapshotWatches.finish is not written yet');
  }
  recordReportFailure(): never {
    throw new Error('DynamoDbSnapshotWatches.recordReportFailure is not written yet');
  }
  countActive(): never {
    throw new Error('DynamoDbSnapshotWatches.countActive is not written yet');
  }
}
