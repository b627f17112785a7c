import { loadServiceModel } from '../../model/service-model.ts';
import { createAwsQueryProtocol } from '../../protocols/aws-query-protocol.ts';
import { stsValidationErrors } from '../../protocols/query-validation-errors.ts';
import type { ServiceDefinition } from '../../service-definition.ts';
import { assumeRole } from './assume-role.ts';
import { stsConstraintIssues } from './sts-constraints.ts';

/** STS over awsQuery: AssumeRole, for warroom's role in another account. */
export function createStsService(): ServiceDefinition {
  const model = loadServiceModel('sts');
  return {
    name: 'sts',
    signingName: 'sts',
    endpointEnvSuffix: 'STS',
    model,
    protocol: createAwsQueryProtocol(model, stsValidationErrors),
    handlers: { AssumeRole: assumeRole },
    extraValidation: stsConstraintIssues,
  };
}
