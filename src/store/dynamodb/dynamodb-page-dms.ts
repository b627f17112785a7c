import type { PageDmStore } from '../page-dm-store.ts';

/** PLACEHOLDER on the s20/core branch: written by a helper before merging to main. */
// biome-ignore lint: placeholder
export class DynamoDbPageDms implements PageDmStore {
  constructor(..._args: unknown[]) {}
  record(): never {
    throw new Error('DynamoDbPageDms.record is not written yet');
  }
  listBehind(): never {
    throw new Error('DynamoDbPageDms.listBehind is not written yet');
  }
  listFor(): never {
    throw new Error('DynamoDbPageDms.listFor is not written yet');
  }
  moveToStorm(): never {
    throw new Error('DynamoDbPageDms.moveToStorm is not written yet');
  }
  markRendered(): never {
    throw new Error('DynamoDbPageDms.markRendered is not written yet');
  }
}
