import { createHash } from 'node:crypto';
import type { DescribeDocumentRequest, DescribeDocumentResult } from '@aws-sdk/client-ssm';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { ssmError } from './ssm-errors.ts';

/** When the emulator says the AWS-managed documents were published. */
const PUBLISHED = new Date('2024-01-01T00:00:00Z');

/** DescribeDocument for the served runbooks; Integer and Boolean parameters are reported as String (the model knows no others). */
export function describeDocument(
  raw: Record<string, unknown>,
  context: HandlerContext,
): DescribeDocumentResult {
  const input = validatedInput<DescribeDocumentRequest>(raw);
  const runbook = context.state.ssm.documents.get(input.Name ?? '');
  if (!runbook) throw ssmError('InvalidDocument', `Document with name ${input.Name} does not exist.`);
  if (input.DocumentVersion !== undefined && !['$DEFAULT', '$LATEST', '1'].includes(input.DocumentVersion)) {
    throw ssmError('InvalidDocumentVersion', `Document version ${input.DocumentVersion} does not exist.`);
  }
  return {
    Document: {
      Name: runbook.name,
      Description: runbook.description,
      Owner: 'Amazon',
      CreatedDate: PUBLISHED,
      Status: 'Active',
      DocumentVersion: '1',
      LatestVersion: '1',
      DefaultVersion: '1',
      DocumentType: 'Automation',
      DocumentFormat: 'YAML',
      SchemaVersion: '0.3',
      TargetType: runbook.targetType,
      PlatformTypes: ['Windows', 'Linux', 'MacOS'],
      Hash: createHash('sha256').update(JSON.stringify(runbook)).digest('hex'),
      HashType: 'Sha256',
      Parameters: runbook.parameters.map((parameter) => ({
        Name: parameter.name,
        Type: parameter.type === 'StringList' ? 'StringList' : 'String',
        Description: parameter.description,
        DefaultValue: parameter.defaultValue,
      })),
    },
  };
}
