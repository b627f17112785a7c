import type { EscalationStore } from '../escalation-store.ts';

/** PLACEHOLDER on the s20/core branch: written by a helper before merging to main. */
// biome-ignore lint: placeholder
export class DynamoDbEscalations implements EscalationStore {
  constructor(..._args: unknown[]) {}
  schedule(): never {
    throw new Error('DynamoDbEscalations.schedule is not written yet');
  }
  scheduleRound(): never {
    throw new Error('DynamoDbEscalations.scheduleRound is not written yet');
  }
  startImpactRound(): never {
    throw new Error('DynamoDbEscalations.startImpactRound is not written yet');
  }
  list(): never {
    throw new Error('DynamoDbEscalations.list is not written yet');
  }
  listDue(): never {
    throw new Error('DynamoDbEscalations.listDue is not written yet');
  }
  claim(): never {
    throw new Error('DynamoDbEscalations.claim is not written yet');
  }
  markFired(): never {
    throw new Error('DynamoDbEscalations.markFired is not written yet');
  }
  recordFailure(): never {
    throw new Error('DynamoDbEscalations.recordFailure is not written yet');
  }
  cancel(): never {
    throw new Error('DynamoDbEscalations.cancel is not written yet');
  }
}
