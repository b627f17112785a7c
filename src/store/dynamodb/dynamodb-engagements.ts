import type { EngagementStore } from '../engagement-store.ts';

/** PLACEHOLDER on the s20/core branch: written by a helper before merging to main. */
// biome-ignore lint: placeholder
export class DynamoDbEngagements implements EngagementStore {
  constructor(..._args: unknown[]) {}
  record(): never {
    throw new Error('DynamoDbEngagements.record is not written yet');
  }
  find(): never {
    throw new Error('DynamoDbEngagements.find is not written yet');
  }
  list(): never {
    throw new Error('DynamoDbEngagements.list is not written yet');
  }
  listOpen(): never {
    throw new Error('DynamoDbEngagements.listOpen is not written yet');
  }
  markStopped(): never {
    throw new Error('DynamoDbEngagements.markStopped is not written yet');
  }
  recordStopFailure(): never {
    throw new Error('DynamoDbEngagements.recordStopFailure is not written yet');
  }
  markAccepted(): never {
    throw new Error('DynamoDbEngagements.markAccepted is not written yet');
  }
}
