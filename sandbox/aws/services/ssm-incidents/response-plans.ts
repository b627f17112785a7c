import type {
  GetResponsePlanOutput,
  ListResponsePlansInput,
  ListResponsePlansOutput,
} from '@aws-sdk/client-ssm-incidents';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { invalidNextToken, resourceNotFound } from './incidents-errors.ts';

export function getResponsePlan(
  input: Record<string, unknown>,
  context: HandlerContext,
): GetResponsePlanOutput {
  const plan = context.state.incidents.responsePlans.get(String(input.arn));
  if (!plan) throw resourceNotFound('RESPONSE_PLAN', String(input.arn));
  return {
    arn: plan.arn,
    name: plan.name,
    displayName: plan.displayName,
    incidentTemplate: {
      title: plan.title,
      impact: plan.impact,
      summary: plan.summary,
      dedupeString: plan.dedupeString,
    },
  };
}

export function listResponsePlans(
  raw: Record<string, unknown>,
  context: HandlerContext,
): ListResponsePlansOutput {
  const input = validatedInput<ListResponsePlansInput>(raw);
  const plans = [...context.state.incidents.responsePlans.values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const page = paginate(plans, {
    pageSize: input.maxResults ?? 100,
    token: input.nextToken,
    listing: 'response-plans',
    invalidToken: invalidNextToken,
  });
  return {
    responsePlanSummaries: page.items.map(({ arn, name, displayName }) => ({ arn, name, displayName })),
    nextToken: page.nextToken,
  };
}
