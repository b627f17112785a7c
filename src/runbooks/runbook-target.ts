import type { RunbookDefinition } from './runbook.ts';
import { placeholdersIn } from './template.ts';

/** The values an execution acts on, as one comparable string. */
export type TargetKey = string;

/**
 * What a run of `runbook` with these parameters acts on: the parameters whose catalog template
 * names the incident's resource (`{{resource.id}}`, `{{resource.resourceId}}`, …). A runbook whose
 * parameters name no resource acts on everything it is given, so then every parameter counts
 * except the role it runs as. Two runs of one document with the same key touch the same thing.
 */
export function targetKeyOf(runbook: RunbookDefinition, parameters: Record<string, string[]>): TargetKey {
  const named = Object.entries(runbook.parameters)
    .filter(([, template]) => placeholdersIn(template).some((name) => name.startsWith('resource.')))
    .map(([name]) => name);
  const names =
    named.length > 0 ? named : Object.keys(parameters).filter((name) => name !== 'AutomationAssumeRole');
  return JSON.stringify(names.sort().map((name) => [name, parameters[name] ?? []]));
}

/** The target in words for a reply: `InstanceId orders-db`. */
export function describeTarget(runbook: RunbookDefinition, parameters: Record<string, string[]>): string {
  const entries = JSON.parse(targetKeyOf(runbook, parameters)) as Array<[string, string[]]>;
  return entries.map(([name, values]) => `${name} ${values.join(', ')}`).join(', ') || 'the same values';
}
