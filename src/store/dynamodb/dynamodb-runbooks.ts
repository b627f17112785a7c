import type { RunbookStore } from '../runbook-store.ts';

/** PLACEHOLDER on the s20/core branch: written by a helper before merging to main. */
// biome-ignore lint: placeholder
export class DynamoDbRunbooks implements RunbookStore {
  constructor(..._args: unknown[]) {}
  getExecution(): never {
    throw new Error('DynamoDbRunbooks.getExecution is not written yet');
  }
  findExecutionByToken(): never {
    throw new Error('DynamoDbRunbooks.findExecutionByToken is not written yet');
  }
  listExecutions(): never {
    throw new Error('DynamoDbRunbooks.listExecutions is not written yet');
  }
  listDueExecutions(): never {
    throw new Error('DynamoDbRunbooks.listDueExecutions is not written yet');
  }
  recordExecutionStarted(): never {
    throw new Error('DynamoDbRunbooks.recordExecutionStarted is not written yet');
  }
  recordExecutionProgress(): never {
    throw new Error('DynamoDbRunbooks.recordExecutionProgress is not written yet');
  }
  scheduleExecutionPoll(): never {
    throw new Error('DynamoDbRunbooks.scheduleExecutionPoll is not written yet');
  }
  recordStopRequested(): never {
    throw new Error('DynamoDbRunbooks.recordStopRequested is not written yet');
  }
  recordExecutionMessage(): never {
    throw new Error('DynamoDbRunbooks.recordExecutionMessage is not written yet');
  }
  createRequest(): never {
    throw new Error('DynamoDbRunbooks.createRequest is not written yet');
  }
  getRequest(): never {
    throw new Error('DynamoDbRunbooks.getRequest is not written yet');
  }
  decideRequest(): never {
    throw new Error('DynamoDbRunbooks.decideRequest is not written yet');
  }
  listRequestsNeedingWork(): never {
    throw new Error('DynamoDbRunbooks.listRequestsNeedingWork is not written yet');
  }
  recordRequestMessage(): never {
    throw new Error('DynamoDbRunbooks.recordRequestMessage is not written yet');
  }
  recordRequestExecution(): never {
    throw new Error('DynamoDbRunbooks.recordRequestExecution is not written yet');
  }
}
