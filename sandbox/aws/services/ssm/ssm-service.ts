import { loadServiceModel } from '../../model/service-model.ts';
import { createAwsJsonProtocol } from '../../protocols/aws-json-protocol.ts';
import type { OperationHandler, ServiceDefinition } from '../../service-definition.ts';
import { describeAutomationStepExecutions, getAutomationExecution } from './automation-execution-views.ts';
import { createOpsItem } from './create-ops-item.ts';
import { describeAutomationExecutions } from './describe-automation-executions.ts';
import { describeDocument } from './describe-document.ts';
import { getDocument } from './get-document.ts';
import { getOpsItem } from './get-ops-item.ts';
import { startAutomationExecution } from './start-automation-execution.ts';
import { stopAutomationExecution } from './stop-automation-execution.ts';
import { updateOpsItem } from './update-ops-item.ts';

/** Each handler first runs the runbook effects due by now, so what it reads or changes is current. */
function settledFirst(handlers: Record<string, OperationHandler>): Record<string, OperationHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (input, context) => {
        context.state.ssm.settle();
        return handler(input, context);
      },
    ]),
  );
}

/** Systems Manager Automation and OpsCenter over awsJson 1.1. */
export function createSsmService(): ServiceDefinition {
  const model = loadServiceModel('ssm');
  return {
    name: 'ssm',
    signingName: 'ssm',
    endpointEnvSuffix: 'SSM',
    model,
    protocol: createAwsJsonProtocol(model),
    handlers: settledFirst({
      DescribeDocument: describeDocument,
      GetDocument: getDocument,
      StartAutomationExecution: startAutomationExecution,
      GetAutomationExecution: getAutomationExecution,
      StopAutomationExecution: stopAutomationExecution,
      DescribeAutomationStepExecutions: describeAutomationStepExecutions,
      DescribeAutomationExecutions: describeAutomationExecutions,
      CreateOpsItem: createOpsItem,
      UpdateOpsItem: updateOpsItem,
      GetOpsItem: getOpsItem,
    }),
  };
}
