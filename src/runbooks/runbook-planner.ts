import type { RunbookDocument } from '../aws/automation-port.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Incident } from '../incidents/index.ts';
import type { AutomationPlace, PlaceAutomation } from './automation-place.ts';
import { checkAgainstDocument, type PlanResult } from './plan.ts';
import { fitsResource, type RunbookDefinition } from './runbook.ts';
import { placeholdersIn, resolveTemplates, type TemplateValues } from './template.ts';

export interface RunbookPlannerDeps {
  /** The incident's account and Region: its SSM, its RDS and the automation role it runs with. */
  placeOf: PlaceAutomation;
  clock: Clock;
}

export type { PlanField, PlanResult, RunbookPlan } from './plan.ts';

/** Documents change rarely: one DescribeDocument per document in this long (starts included). */
const DOCUMENT_CACHE_MS = 10 * 60_000;

/**
 * Fills a catalog runbook for an incident: resolves the templates (looking the DB up in RDS only
 * when its ARN or resource id is needed), applies the editable values, and checks the result
 * against the document (DescribeDocument) so a wrong name is explained here, not by SSM.
 */
export class RunbookPlanner {
  /** By account, Region and name: each account has its own documents. */
  private readonly documents = new Map<string, { document: RunbookDocument; at: number }>();

  constructor(private readonly deps: RunbookPlannerDeps) {}

  async prepare(
    incident: Incident,
    runbook: RunbookDefinition,
    overrides: Readonly<Record<string, string>> = {},
  ): Promise<PlanResult> {
    const place = this.deps.placeOf(incident);
    const refused = refusal(incident, runbook, overrides, place);
    if (refused) return { ok: false, problems: [refused] };
    const values = await this.templateValues(incident, runbook, place);
    if (typeof values === 'string') return { ok: false, problems: [values] };
    const resolved = resolveTemplates(runbook.parameters, values);
    if (!resolved.ok) return resolved;
    const chosen = { ...resolved.values };
    for (const [name, value] of Object.entries(overrides)) {
      if (value.trim() === '') delete chosen[name];
      else chosen[name] = value.trim();
    }
    const document = await this.document(runbook.document, place);
    if (typeof document === 'string') return { ok: false, problems: [document] };
    return checkAgainstDocument(incident, runbook, chosen, document, place);
  }

  /** The placeholder values; RDS is asked only for what the templates use. A string is a problem. */
  private async templateValues(
    incident: Incident,
    runbook: RunbookDefinition,
    place: AutomationPlace,
  ): Promise<TemplateValues | string> {
    const resource = incident.resource;
    const values: TemplateValues = {
      'resource.id': resource?.id,
      'resource.arn': resource?.arn,
      'incident.arn': incident.incidentManagerArn,
      'config.automationRoleArn': place.roleArn,
    };
    const used = new Set(Object.values(runbook.parameters).flatMap(placeholdersIn));
    const needsLookup = used.has('resource.resourceId') || (used.has('resource.arn') && !resource?.arn);
    if (!needsLookup || !resource || (resource.kind !== 'rds-instance' && resource.kind !== 'rds-cluster')) {
      return values;
    }
    try {
      const ids = await place.rdsResources.describe(resource.kind, resource.id);
      return {
        ...values,
        'resource.arn': values['resource.arn'] ?? ids.arn,
        'resource.resourceId': ids.resourceId,
      };
    } catch (error) {
      if (isBotError(error) && error.code === 'AWS.NOT_FOUND') {
        return `${resource.id} was not found in RDS (${whereText(place)}); it may have been deleted or renamed.`;
      }
      throw error;
    }
  }

  private async document(name: string, place: AutomationPlace): Promise<RunbookDocument | string> {
    const now = this.deps.clock.now().getTime();
    const key = `${place.roleAccount?.accountId ?? '-'}|${place.region}|${name}`;
    const cached = this.documents.get(key);
    if (cached && now - cached.at < DOCUMENT_CACHE_MS) return cached.document;
    try {
      const document = await place.automation.describeDocument(name);
      this.documents.set(key, { document, at: now });
      return document;
    } catch (error) {
      if (isBotError(error) && (error.code === 'AWS.VALIDATION' || error.code === 'AWS.NOT_FOUND')) {
        return `The SSM document ${name} does not exist in ${whereText(place)} (or warroom may not read it).`;
      }
      throw error;
    }
  }
}

/** Why this runbook cannot run on this incident before anything is asked of AWS, else undefined. */
function refusal(
  incident: Incident,
  runbook: RunbookDefinition,
  overrides: Readonly<Record<string, string>>,
  place: AutomationPlace,
): string | undefined {
  const resource = incident.resource;
  if (!fitsResource(runbook, resource)) {
    return `${runbook.id} runs on an ${runbook.resource}; this incident is about ${resource ? `${resource.kind} ${resource.id}` : 'no AWS resource'}.`;
  }
  const locked = Object.keys(overrides).filter((name) => !runbook.editable.includes(name));
  if (locked.length > 0) {
    const allowed = runbook.editable.length > 0 ? runbook.editable.join(', ') : 'none';
    return `${locked.join(', ')} cannot be changed for ${runbook.id} (editable: ${allowed}).`;
  }
  // In a role's account warroom's own automation.roleArn cannot be passed (SSM takes a role of the
  // account it runs in), and leaving it out would run the steps as warroom's narrow role there.
  const usesRole = Object.values(runbook.parameters).some((template) =>
    placeholdersIn(template).includes('config.automationRoleArn'),
  );
  if (place.roleAccount && !place.roleArn && usesRole) {
    const { accountId, where } = place.roleAccount;
    return `${runbook.id} runs with an automation role, and ${where} has none: set accounts.${accountId}.automationRoleArn to a role in that account that Systems Manager may assume.`;
  }
  return undefined;
}

/** `us-east-1`, or `us-east-1 in staging-search` for a role's account. */
function whereText(place: AutomationPlace): string {
  return place.roleAccount ? `${place.region} in ${place.roleAccount.where}` : place.region;
}
