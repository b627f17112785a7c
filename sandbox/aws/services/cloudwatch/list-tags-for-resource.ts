import type { ListTagsForResourceInput, ListTagsForResourceOutput } from '@aws-sdk/client-cloudwatch';
import { loadServiceModel } from '../../model/service-model.ts';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { modelledError } from '../../service-error.ts';

const model = () => loadServiceModel('cloudwatch');
/** Alarm names may contain colons, so the name runs to the end of the ARN. */
const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:([a-z0-9-]+):(\d{12}):alarm:(.+)$/;
const CLOUDWATCH_ARN = /^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]*:\d{12}:.+$/;

/**
 * ListTagsForResource for alarms (dashboards, insight rules and metric streams are not held here).
 * Not a CloudWatch ARN: InvalidParameterValue. An alarm this account and Region do not have, or
 * another CloudWatch resource: ResourceNotFoundException (404), naming the resource as AWS does in
 * its ResourceType and ResourceId members.
 */
export function listTagsForResource(
  raw: Record<string, unknown>,
  context: HandlerContext,
): ListTagsForResourceOutput {
  const { ResourceARN: arn } = validatedInput<ListTagsForResourceInput>(raw);
  if (!CLOUDWATCH_ARN.test(arn ?? ''))
    throw modelledError(model(), 'InvalidParameterValueException', `Invalid ARN: ${arn}`);
  const [, region, account, name] = ALARM_ARN.exec(arn ?? '') ?? [];
  const held = name === undefined ? undefined : context.state.cloudwatch.alarms.get(name);
  // The alarm must be held under this very ARN, in the Region the request was signed for.
  const alarm =
    held?.arn === arn && region === context.region && account === context.accountId ? held : undefined;
  if (!alarm) {
    throw modelledError(model(), 'ResourceNotFoundException', `The resource ${arn} does not exist.`, {
      fields: { ResourceType: name === undefined ? 'resource' : 'alarm', ResourceId: name ?? arn },
    });
  }
  return { Tags: alarm.tags };
}
