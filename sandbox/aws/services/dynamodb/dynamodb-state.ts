import { loadServiceModel } from '../../model/service-model.ts';
import { DynamoDbEngine } from './dynamodb-engine.ts';

/** DynamoDB per account and Region, as in AWS: a table exists only where it was created. */
export class DynamoDbState {
  private readonly engines = new Map<string, DynamoDbEngine>();

  engine(accountId: string, region: string): DynamoDbEngine {
    const key = `${accountId}/${region}`;
    let engine = this.engines.get(key);
    if (!engine) {
      engine = new DynamoDbEngine(loadServiceModel('dynamodb'), accountId, region);
      this.engines.set(key, engine);
    }
    return engine;
  }
}
