import type { StartIncidentInput, StartIncidentOutput } from '@aws-sdk/client-ssm-incidents';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { once, resourceNotFound } from './incidents-errors.ts';
import { assignGeneratedId } from './related-items.ts';

/** StartIncident: opens a record from a response plan; title and impact override the plan's template. */
export function startIncident(raw: Record<string, unknown>, context: HandlerContext): StartIncidentOutput {
  const input = validatedInput<StartIncidentInput>(raw);
  return once(context, 'StartIncident', raw, () => {
    const incidents = context.state.incidents;
    const plan = incidents.responsePlans.get(input.responsePlanArn ?? '');
    if (!plan) throw resourceNotFound('RESPONSE_PLAN', input.responsePlanArn ?? '');
    const now = context.clock.now();
    const arn = incidents.newIncidentArn(plan.name);
    incidents.incidentRecords.set(arn, {
      arn,
      title: input.title ?? plan.title,
      summary: plan.summary,
      status: 'OPEN',
      impact: input.impact ?? plan.impact,
      creationTime: now,
      lastModifiedTime: now,
      lastModifiedBy: incidents.callerArn,
      dedupeString: plan.dedupeString ?? '',
      source: {
        createdBy: incidents.callerArn,
        source: input.triggerDetails?.source ?? 'aws.ssm-incidents.custom',
        resourceArn: input.triggerDetails?.triggerArn,
      },
      timeline: [],
      relatedItems: (input.relatedItems ?? []).map(assignGeneratedId),
    });
    return { incidentRecordArn: arn };
  });
}
