import type { GetDocumentRequest, GetDocumentResult } from '@aws-sdk/client-ssm';
import { stringify } from 'yaml';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import type { Runbook } from './runbook-catalog.ts';
import { ssmError } from './ssm-errors.ts';

/**
 * The document body in the shape of an Automation document (schemaVersion 0.3): parameters and
 * mainSteps with their names and actions. Step inputs are not in the data file, so none are given.
 */
function automationContent(runbook: Runbook) {
  return {
    schemaVersion: '0.3',
    description: runbook.description,
    assumeRole: '{{ AutomationAssumeRole }}',
    parameters: Object.fromEntries(
      runbook.parameters.map((parameter) => [
        parameter.name,
        {
          type: parameter.type,
          description: parameter.description,
          ...(parameter.defaultValue !== undefined ? { default: parameter.defaultValue } : {}),
          ...(parameter.allowedValues ? { allowedValues: parameter.allowedValues } : {}),
          ...(parameter.allowedPattern ? { allowedPattern: parameter.allowedPattern } : {}),
        },
      ]),
    ),
    mainSteps: runbook.steps.map((step) => ({ name: step.name, action: step.action })),
    ...(runbook.outputs ? { outputs: runbook.outputs } : {}),
  };
}

/** GetDocument: the served runbook's content, YAML unless JSON is asked for (as SSM stores them). */
export function getDocument(raw: Record<string, unknown>, context: HandlerContext): GetDocumentResult {
  const input = validatedInput<GetDocumentRequest>(raw);
  const runbook = context.state.ssm.documents.get(input.Name ?? '');
  if (!runbook) throw ssmError('InvalidDocument', `Document with name ${input.Name} does not exist.`);
  if (input.DocumentVersion !== undefined && !['$DEFAULT', '$LATEST', '1'].includes(input.DocumentVersion)) {
    throw ssmError('InvalidDocumentVersion', `Document version ${input.DocumentVersion} does not exist.`);
  }
  const format = input.DocumentFormat === 'JSON' ? 'JSON' : 'YAML';
  const content = automationContent(runbook);
  return {
    Name: runbook.name,
    CreatedDate: new Date('2024-01-01T00:00:00Z'),
    DocumentVersion: '1',
    Status: 'Active',
    Content: format === 'JSON' ? JSON.stringify(content, null, 2) : stringify(content),
    DocumentType: 'Automation',
    DocumentFormat: format,
  };
}
