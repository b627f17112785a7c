import { loadServiceModel, type ModelName } from './model/service-model.ts';
import { createAwsJsonProtocol } from './protocols/aws-json-protocol.ts';
import type { ServiceDefinition } from './service-definition.ts';
import { createCloudWatchService } from './services/cloudwatch/cloudwatch-service.ts';
import { createRdsService } from './services/rds/rds-service.ts';
import { createSnsService } from './services/sns/sns-service.ts';
import { createSsmService } from './services/ssm/ssm-service.ts';
import { createSsmContactsService } from './services/ssm-contacts/ssm-contacts-service.ts';
import { createSsmIncidentsService } from './services/ssm-incidents/ssm-incidents-service.ts';

/**
 * A service with a model and protocol but no handlers yet: every request is still parsed and
 * model-validated, then answered `NotImplemented` (501).
 */
function modelOnlyService(
  name: ModelName,
  signingName: string,
  endpointEnvSuffix: string,
): ServiceDefinition {
  const model = loadServiceModel(name);
  return {
    name,
    signingName,
    endpointEnvSuffix,
    model,
    protocol: createAwsJsonProtocol(model),
    handlers: {},
  };
}

export function createServiceDefinitions(): ServiceDefinition[] {
  return [
    createSsmIncidentsService(),
    createSsmService(),
    createRdsService(),
    createSnsService(),
    createSsmContactsService(),
    modelOnlyService('sqs', 'sqs', 'SQS'),
    createCloudWatchService(),
  ];
}
