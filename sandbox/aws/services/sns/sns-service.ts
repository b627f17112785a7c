import { loadServiceModel } from '../../model/service-model.ts';
import { createAwsQueryProtocol } from '../../protocols/aws-query-protocol.ts';
import { snsValidationErrors } from '../../protocols/query-validation-errors.ts';
import type { ServiceDefinition } from '../../service-definition.ts';
import { confirmSubscription } from './confirm-subscription.ts';

/** SNS over awsQuery; only ConfirmSubscription is modelled (warroom never publishes). */
export function createSnsService(): ServiceDefinition {
  const model = loadServiceModel('sns');
  return {
    name: 'sns',
    signingName: 'sns',
    endpointEnvSuffix: 'SNS',
    model,
    protocol: createAwsQueryProtocol(model, snsValidationErrors),
    handlers: { ConfirmSubscription: confirmSubscription },
  };
}
