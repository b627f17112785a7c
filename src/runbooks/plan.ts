import type { RunbookDocument } from '../aws/automation-port.ts';
import type { Incident } from '../incidents/index.ts';
import type { AutomationPlace } from './automation-place.ts';
import type { RunbookDefinition } from './runbook.ts';

/** One parameter as the confirmation shows it. */
export interface PlanField {
  name: string;
  value: string;
  editable: boolean;
  required: boolean;
  description?: string;
}

/** A runbook ready to start on one incident: what is sent, what is shown, the document's steps. */
export interface RunbookPlan {
  runbook: RunbookDefinition;
  incident: Incident;
  /** As StartAutomationExecution takes them: every value a list. */
  parameters: Record<string, string[]>;
  fields: PlanField[];
  steps: RunbookDocument['steps'];
  /** Where it starts, is followed and looked for: the incident's account and Region. */
  place: AutomationPlace;
}

export type PlanResult = { ok: true; plan: RunbookPlan } | { ok: false; problems: string[] };

/** Names must be the document's; every required parameter must have a value. Pure. */
export function checkAgainstDocument(
  incident: Incident,
  runbook: RunbookDefinition,
  chosen: Readonly<Record<string, string>>,
  document: RunbookDocument,
  place: AutomationPlace,
): PlanResult {
  const known = new Map(document.parameters.map((parameter) => [parameter.name, parameter]));
  const problems = [...Object.keys(chosen), ...runbook.editable]
    .filter((name, index, all) => !known.has(name) && all.indexOf(name) === index)
    .map((name) => `${document.name} has no parameter ${name} (it has ${[...known.keys()].join(', ')}).`);
  for (const parameter of document.parameters) {
    if (parameter.required && chosen[parameter.name] === undefined) {
      problems.push(`${document.name} requires ${parameter.name}, which has no value.`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const parameters: Record<string, string[]> = {};
  const fields: PlanField[] = [];
  for (const parameter of document.parameters) {
    const value = chosen[parameter.name];
    const editable = runbook.editable.includes(parameter.name);
    if (value !== undefined) {
      parameters[parameter.name] =
        parameter.type === 'StringList'
          ? value
              .split(',')
              .map((item) => item.trim())
              .filter(Boolean)
          : [value];
    }
    if (value !== undefined || editable) {
      fields.push({
        name: parameter.name,
        value: value ?? '',
        editable,
        required: parameter.required,
        description: parameter.description,
      });
    }
  }
  return { ok: true, plan: { runbook, incident, parameters, fields, steps: document.steps, place } };
}
