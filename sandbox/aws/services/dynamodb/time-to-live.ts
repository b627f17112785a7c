import type { HandlerContext } from '../../service-definition.ts';
import { validatedInput } from '../../service-definition.ts';
import { AwsServiceError } from '../../service-error.ts';

interface UpdateInput {
  TableName: string;
  TimeToLiveSpecification: { Enabled: boolean; AttributeName: string };
}

/**
 * UpdateTimeToLive, which dynalite lacks: the setting is kept per table and reported by
 * DescribeTimeToLive. It takes effect at once (AWS passes through ENABLING for up to an hour), and
 * items are never expired: tests that need expiry compare the TTL attribute with their clock.
 */
export async function updateTimeToLive(input: Record<string, unknown>, context: HandlerContext) {
  const { TableName, TimeToLiveSpecification: spec } = validatedInput<UpdateInput>(input);
  const engine = context.state.dynamodb.engine(context.accountId, context.region);
  return engine.exclusive(async () => {
    await engine.describeTable(TableName);
    const current = engine.timeToLive.get(TableName);
    // AWS refuses a change that changes nothing, so callers check DescribeTimeToLive first.
    if (spec.Enabled && current?.enabled) throw validationError('TimeToLive is already enabled');
    if (!spec.Enabled && !current?.enabled) throw validationError('TimeToLive is already disabled');
    engine.timeToLive.set(TableName, { attributeName: spec.AttributeName, enabled: spec.Enabled });
    return { TimeToLiveSpecification: spec };
  });
}

export async function describeTimeToLive(input: Record<string, unknown>, context: HandlerContext) {
  const { TableName } = validatedInput<{ TableName: string }>(input);
  const engine = context.state.dynamodb.engine(context.accountId, context.region);
  return engine.exclusive(async () => {
    await engine.describeTable(TableName);
    const setting = engine.timeToLive.get(TableName);
    if (!setting?.enabled) return { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } };
    return { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: setting.attributeName } };
  });
}

function validationError(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message, { status: 400 });
}
