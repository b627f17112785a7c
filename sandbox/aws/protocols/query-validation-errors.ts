import type { ServiceModel } from '../model/service-model.ts';
import { AwsServiceError, modelledError } from '../service-error.ts';
import {
  formatValidationMessage,
  renderValue,
  type ValidationIssue,
} from '../validation/validation-issue.ts';

/**
 * awsQuery services do not answer ValidationException; each has its own codes, and (unlike the
 * JSON services) reports only the first problem. This maps issues to a service's wire error.
 */
export type QueryValidationErrors = (model: ServiceModel, issues: ValidationIssue[]) => AwsServiceError;

function parameterName(issue: ValidationIssue): string {
  return issue.members.join('.');
}

/**
 * RDS: a missing parameter is `MissingParameter` ("The request must contain the parameter X"),
 * a bad value `InvalidParameterValue`; neither is a modelled shape, so the SDK raises its base
 * RDSServiceException with that `name`.
 */
export const rdsValidationErrors: QueryValidationErrors = (_model, issues) => {
  const issue = issues.find((candidate) => candidate.kind === 'missing') ?? issues[0];
  if (!issue) throw new Error('rdsValidationErrors needs at least one issue');
  if (issue.kind === 'missing') {
    return new AwsServiceError(
      'MissingParameter',
      `The request must contain the parameter ${parameterName(issue)}`,
      {
        status: 400,
      },
    );
  }
  const shown = issue.sensitive ? '' : ` ${renderValue(issue.value)}`;
  const message =
    issue.message ?? `Invalid value${shown} for parameter ${parameterName(issue)}: ${issue.constraint}`;
  return new AwsServiceError('InvalidParameterValue', message, { status: 400 });
};

/**
 * STS: `ValidationError` (400) listing every problem in the JSON services' wording, a missing
 * member included, as public issue threads quote it (boto/botocore users, aws-sdk-cpp#1252): "2
 * validation errors detected: Value null at 'roleSessionName' failed to satisfy constraint: Member
 * must not be null; Value 'x' at 'roleArn' failed to satisfy constraint: …".
 */
export const stsValidationErrors: QueryValidationErrors = (_model, issues) =>
  new AwsServiceError('ValidationError', formatValidationMessage(issues), { status: 400 });

/**
 * SNS answers both cases with its modelled `InvalidParameter` (400), e.g.
 * "Invalid parameter: TopicArn Reason: no value for required parameter".
 */
export const snsValidationErrors: QueryValidationErrors = (model, issues) => {
  const issue = issues.find((candidate) => candidate.kind === 'missing') ?? issues[0];
  if (!issue) throw new Error('snsValidationErrors needs at least one issue');
  const reason =
    issue.kind === 'missing' ? 'no value for required parameter' : (issue.message ?? issue.constraint);
  return modelledError(
    model,
    'InvalidParameter',
    `Invalid parameter: ${parameterName(issue)} Reason: ${reason}`,
  );
};
