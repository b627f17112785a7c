import { randomUUID } from 'node:crypto';
import type { ConfirmSubscriptionInput, ConfirmSubscriptionResponse } from '@aws-sdk/client-sns';
import { loadServiceModel } from '../../model/service-model.ts';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { modelledError } from '../../service-error.ts';

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):(\d{12}):[A-Za-z0-9_-]{1,256}$/;

/**
 * ConfirmSubscription: the token must belong to a pending (or already confirmed) subscription of
 * the topic. Confirming twice returns the same ARN, as SNS does while the token is valid. A topic
 * ARN from another region than the one the request was signed for is rejected like real SNS does,
 * which catches a client built for the wrong region.
 */
export function confirmSubscription(
  raw: Record<string, unknown>,
  context: HandlerContext,
): ConfirmSubscriptionResponse {
  const input = validatedInput<ConfirmSubscriptionInput>(raw);
  const model = loadServiceModel('sns');
  const arn = TOPIC_ARN.exec(input.TopicArn ?? '');
  if (!arn || arn[1] !== context.region) {
    throw modelledError(model, 'InvalidParameter', 'Invalid parameter: TopicArn');
  }
  const topic = context.state.sns.topics.get(input.TopicArn ?? '');
  if (!topic) throw modelledError(model, 'NotFound', 'Topic does not exist');
  const subscription = topic.subscriptions.find((candidate) => candidate.token === input.Token);
  if (!subscription) throw modelledError(model, 'InvalidParameter', 'Invalid token');
  if (!subscription.confirmed) {
    subscription.confirmed = true;
    subscription.subscriptionArn = `${topic.arn}:${randomUUID()}`;
    subscription.authenticateOnUnsubscribe = input.AuthenticateOnUnsubscribe === 'true';
  }
  return { SubscriptionArn: subscription.subscriptionArn };
}
