import type { Resource } from '../signals/index.ts';

/** What a runbook acts on; `any` fits every incident (its parameters must not need a resource). */
export type RunbookResourceKind = 'rds-instance' | 'rds-cluster' | 'rds-snapshot' | 'any';

/** `confirm`: the requester's own confirmation starts it; `two-person`: a second person must approve. */
export type RunbookApproval = 'confirm' | 'two-person';

/**
 * One catalog entry: an SSM Automation document and how to fill its parameters for an incident.
 * Parameter values are templates (see template.ts); only the names in `editable` may be changed by
 * the person starting it.
 */
export interface RunbookDefinition {
  /** Short, typed in `/incident runbook <id>`: lower-case letters, digits and hyphens. */
  id: string;
  /** The SSM document name, e.g. AWS-RebootRdsInstance. */
  document: string;
  title: string;
  /** One line on when to use it, shown in the modal. */
  description?: string;
  resource: RunbookResourceKind;
  parameters: Record<string, string>;
  approval: RunbookApproval;
  editable: string[];
}

/** Whether a runbook may be offered for an incident about `resource`. */
export function fitsResource(runbook: RunbookDefinition, resource: Resource | undefined): boolean {
  if (runbook.resource === 'any') return true;
  return resource?.kind === runbook.resource;
}

/** The runbooks of `catalog` that fit, in catalog order. */
export function fittingRunbooks(
  catalog: readonly RunbookDefinition[],
  resource: Resource | undefined,
): RunbookDefinition[] {
  return catalog.filter((runbook) => fitsResource(runbook, resource));
}
