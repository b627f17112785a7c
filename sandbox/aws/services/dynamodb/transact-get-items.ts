import type { HandlerContext } from '../../service-definition.ts';
import { rawInput } from './raw-input.ts';
import { refuseRepeatedItems } from './transact-write-items.ts';

type Data = Record<string, unknown>;

/** TransactGetItems, which dynalite lacks: every Get read under the engine's one lock, in order. */
export async function transactGetItems(input: Data, context: HandlerContext): Promise<Data> {
  const engine = context.state.dynamodb.engine(context.accountId, context.region);
  const gets = (rawInput(input).TransactItems as { Get: Data }[]).map(({ Get }) => ({
    tableName: String(Get.TableName),
    data: engine.validate('GetItem', Get),
  }));
  return engine.exclusive(async () => {
    const keyed = [];
    for (const get of gets) {
      const { storageKey } = await engine.readItem(get.tableName, get.data.Key as Data);
      keyed.push({ ...get, storageKey });
    }
    refuseRepeatedItems(keyed);
    const responses = [];
    for (const get of gets) {
      const { Item } = await engine.runAction('GetItem', get.data);
      responses.push(Item ? { Item } : {});
    }
    return { Responses: responses };
  });
}
