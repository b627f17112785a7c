import { loadServiceModel } from '../../model/service-model.ts';
import { createAwsJsonProtocol } from '../../protocols/aws-json-protocol.ts';
import type { ServiceDefinition } from '../../service-definition.ts';
import { describeAutomationStepExecutions, getAutomationExecution } from './automation-execution-views.ts';
import { describeDocument } from './describe-document.ts';
import { getDocument } from './get-document.ts';
import { startAutomationExecution } from './start-automation-execution.ts';
import { stopAutomationExecution } from './stop-automation-execution.ts';

/** Systems Manager Automation over awsJson 1.1. DescribeAutomationExecutions is modelled, not served. */
export function createSsmService(): ServiceDefinition {
  const model = loadServiceModel('ssm');
  return {
    name: 'ssm',
    signingName: 'ssm',
    endpointEnvSuffix: 'SSM',
    model,
    protocol: createAwsJsonProtocol(model),
    handlers: {
      DescribeDocument: describeDocument,
      GetDocument: getDocument,
      StartAutomationExecution: startAutomationExecution,
      GetAutomationExecution: getAutomationExecution,
      StopAutomationExecution: stopAutomationExecution,
      DescribeAutomationStepExecutions: describeAutomationStepExecutions,
    },
  };
}
