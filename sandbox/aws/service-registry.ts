import type { ServiceDefinition } from './service-definition.ts';
import { createCloudWatchService } from './services/cloudwatch/cloudwatch-service.ts';
import { createDynamoDbService } from './services/dynamodb/dynamodb-service.ts';
import { createRdsService } from './services/rds/rds-service.ts';
import { createSnsService } from './services/sns/sns-service.ts';
import { createSqsService } from './services/sqs/sqs-service.ts';
import { createSsmService } from './services/ssm/ssm-service.ts';
import { createSsmContactsService } from './services/ssm-contacts/ssm-contacts-service.ts';
import { createSsmIncidentsService } from './services/ssm-incidents/ssm-incidents-service.ts';
import { createStsService } from './services/sts/sts-service.ts';

export function createServiceDefinitions(): ServiceDefinition[] {
  return [
    createSsmIncidentsService(),
    createSsmService(),
    createRdsService(),
    createSnsService(),
    createSsmContactsService(),
    createSqsService(),
    createCloudWatchService(),
    createStsService(),
    createDynamoDbService(),
  ];
}
