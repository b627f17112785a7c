import { type Accounts, describeAccount } from '../accounts/index.ts';
import type { AutomationRunner, RdsResourceReader, RunbookDocument } from '../aws/automation-port.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Incident } from '../incidents/index.ts';
import { checkAgainstDocument, type PlanResult } from './plan.ts';
import { fitsResource, type RunbookDefinition } from './runbook.ts';
import { placeholdersIn, resolveTemplates, type TemplateValues } from './template.ts';

export interface RunbookPlannerDeps {
  automation: AutomationRunner;
  rdsResources: RdsResourceReader;
  clock: Clock;
  region: string;
  roleArn?: string;
  /** `accounts:`: an account reached through a role gets no runbook (see refusal). */
  accounts?: Accounts;
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
  private readonly documents = new Map<string, { document: RunbookDocument; at: number }>();

  constructor(private readonly deps: RunbookPlannerDeps) {}

  async prepare(
    incident: Incident,
    runbook: RunbookDefinition,
    overrides: Readonly<Record<string, string>> = {},
  ): Promise<PlanResult> {
    const refused = this.refusal(incident, runbook, overrides);
    if (refused) return { ok: false, problems: [refused] };
    const values = await this.templateValues(incident, runbook);
    if (typeof values === 'string') return { ok: false, problems: [values] };
    const resolved = resolveTemplates(runbook.parameters, values);
    if (!resolved.ok) return resolved;
    const chosen = { ...resolved.values };
    for (const [name, value] of Object.entries(overrides)) {
      if (value.trim() === '') delete chosen[name];
      else chosen[name] = value.trim();
    }
    const document = await this.document(runbook.document);
    if (typeof document === 'string') return { ok: false, problems: [document] };
    return checkAgainstDocument(incident, runbook, chosen, document);
  }

  private refusal(
    incident: Incident,
    runbook: RunbookDefinition,
    overrides: Readonly<Record<string, string>>,
  ) {
    const resource = incident.resource;
    if (!fitsResource(runbook, resource)) {
      return `${runbook.id} runs on an ${runbook.resource}; this incident is about ${resource ? `${resource.kind} ${resource.id}` : 'no AWS resource'}.`;
    }
    const locked = Object.keys(overrides).filter((name) => !runbook.editable.includes(name));
    if (locked.length > 0) {
      const allowed = runbook.editable.length > 0 ? runbook.editable.join(', ') : 'none';
      return `${locked.join(', ')} cannot be changed for ${runbook.id} (editable: ${allowed}).`;
    }
    const region = resource?.region ?? incident.region;
    if (region && region !== this.deps.region) {
      return `${resource?.id ?? 'The resource'} is in ${region}; warroom runs runbooks in ${this.deps.region} only.`;
    }
    // SSM would run it with warroom's own credentials, in warroom's own account: never the
    // incident's. Refused until runbooks go through the account's role too.
    const accountId = resource?.accountId ?? incident.accountId;
    if (accountId && this.deps.accounts?.[accountId]?.roleArn) {
      const where = describeAccount({ accountId }, this.deps.accounts);
      return `${resource?.id ?? 'The resource'} is in ${where} (${accountId}), which warroom reaches through a role; runbooks do not run there yet. Start it from that account's Systems Manager console.`;
    }
    return undefined;
  }

  /** The placeholder values; RDS is asked only for what the templates use. A string is a problem. */
  private async templateValues(
    incident: Incident,
    runbook: RunbookDefinition,
  ): Promise<TemplateValues | string> {
    const resource = incident.resource;
    const values: TemplateValues = {
      'resource.id': resource?.id,
      'resource.arn': resource?.arn,
      'incident.arn': incident.incidentManagerArn,
      'config.automationRoleArn': this.deps.roleArn,
    };
    const used = new Set(Object.values(runbook.parameters).flatMap(placeholdersIn));
    const needsLookup = used.has('resource.resourceId') || (used.has('resource.arn') && !resource?.arn);
    if (!needsLookup || !resource || (resource.kind !== 'rds-instance' && resource.kind !== 'rds-cluster')) {
      return values;
    }
    try {
      const ids = await this.deps.rdsResources.describe(resource.kind, resource.id);
      return {
        ...values,
        'resource.arn': values['resource.arn'] ?? ids.arn,
        'resource.resourceId': ids.resourceId,
      };
    } catch (error) {
      if (isBotError(error) && error.code === 'AWS.NOT_FOUND') {
        return `${resource.id} was not found in RDS (${this.deps.region}); it may have been deleted or renamed.`;
      }
      throw error;
    }
  }

  private async document(name: string): Promise<RunbookDocument | string> {
    const now = this.deps.clock.now().getTime();
    const cached = this.documents.get(name);
    if (cached && now - cached.at < DOCUMENT_CACHE_MS) return cached.document;
    try {
      const document = await this.deps.automation.describeDocument(name);
      this.documents.set(name, { document, at: now });
      return document;
    } catch (error) {
      if (isBotError(error) && (error.code === 'AWS.VALIDATION' || error.code === 'AWS.NOT_FOUND')) {
        return `The SSM document ${name} does not exist in ${this.deps.region} (or warroom may not read it).`;
      }
      throw error;
    }
  }
}
